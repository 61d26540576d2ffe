package dev.vigil.server.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.server.monitoring.ComponentView;

/**
 * The component catalogue as a left-to-right dependency graph drawn as SVG: a component sits one column right of the
 * furthest of the components it depends on, so dependencies flow into their dependants. Each node carries its live
 * status; a component whose dependency is alerting or degraded is marked impacted.
 */
record ComponentGraph(int width, int height, List<Node> nodes, List<Edge> edges) {

    static final int NODE_WIDTH = 170;
    static final int NODE_HEIGHT = 44;
    private static final int COLUMN = 230;
    private static final int ROW = 64;
    private static final int MARGIN = 10;

    /** A component's status: alerting (a monitor of it fires), degraded (scrape or probe failing), ok, or unknown. */
    enum Status {
        ALERTING("#fecaca"), DEGRADED("#fde68a"), IMPACTED("#fed7aa"), OK("#bbf7d0"), UNKNOWN("#e5e7eb");

        final String colour;

        Status(String colour) {
            this.colour = colour;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Node(String name, int x, int y, String status, String colour, String detail) {
    }

    record Edge(int x1, int y1, int x2, int y2) {
    }

    /** @param own each component's own status and a short detail (e.g. "2 firing"); absent: unknown */
    static ComponentGraph of(List<ComponentView> components, Map<String, Status> own, Map<String, String> details) {
        Map<String, ComponentView> byName = new HashMap<>();
        components.forEach(c -> byName.put(c.name(), c));
        Map<String, Integer> columns = new HashMap<>();
        for (ComponentView c : components) {
            column(c.name(), byName, columns, new java.util.HashSet<>());
        }
        Map<Integer, List<String>> perColumn = new HashMap<>();
        components.stream().map(ComponentView::name).sorted(Comparator.naturalOrder())
                .forEach(name -> perColumn.computeIfAbsent(columns.get(name), k -> new ArrayList<>()).add(name));
        Map<String, int[]> at = new HashMap<>();
        int rows = 0;
        for (Map.Entry<Integer, List<String>> column : perColumn.entrySet()) {
            List<String> names = column.getValue();
            for (int i = 0; i < names.size(); i++) {
                at.put(names.get(i), new int[] {MARGIN + column.getKey() * COLUMN, MARGIN + i * ROW});
            }
            rows = Math.max(rows, names.size());
        }
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (ComponentView c : components) {
            int[] p = at.get(c.name());
            Status status = own.getOrDefault(c.name(), Status.UNKNOWN);
            boolean upstreamTrouble = upstreamOf(c.name(), byName).stream()
                    .anyMatch(u -> own.get(u) == Status.ALERTING || own.get(u) == Status.DEGRADED);
            if (upstreamTrouble && (status == Status.OK || status == Status.UNKNOWN)) {
                status = Status.IMPACTED;
            }
            nodes.add(new Node(c.name(), p[0], p[1], status.label(), status.colour, details.getOrDefault(c.name(), "")));
            for (String upstream : c.upstream()) {
                int[] u = at.get(upstream);
                if (u != null) {
                    edges.add(new Edge(u[0] + NODE_WIDTH, u[1] + NODE_HEIGHT / 2, p[0], p[1] + NODE_HEIGHT / 2));
                }
            }
        }
        int columnsUsed = perColumn.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        return new ComponentGraph(Math.max(1, columnsUsed) * COLUMN + MARGIN, Math.max(1, rows) * ROW + MARGIN, nodes, edges);
    }

    /** The longest chain of dependencies below the component (the catalogue refuses cycles; a visited set guards anyway). */
    private static int column(String name, Map<String, ComponentView> byName, Map<String, Integer> columns, Set<String> visiting) {
        Integer known = columns.get(name);
        if (known != null) {
            return known;
        }
        ComponentView c = byName.get(name);
        int column = 0;
        if (c != null && visiting.add(name)) {
            for (String upstream : c.upstream()) {
                if (byName.containsKey(upstream)) {
                    column = Math.max(column, column(upstream, byName, columns, visiting) + 1);
                }
            }
        }
        columns.put(name, column);
        return column;
    }

    /** Every component the named one depends on, directly or through others. */
    private static Set<String> upstreamOf(String name, Map<String, ComponentView> byName) {
        Set<String> seen = new java.util.LinkedHashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(byName.containsKey(name) ? byName.get(name).upstream() : List.of());
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next) && byName.containsKey(next)) {
                todo.addAll(byName.get(next).upstream());
            }
        }
        return seen;
    }
}
