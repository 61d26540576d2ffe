package dev.vigil.monitor.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node of the routing tree with its options already inherited from the parent (receiver, group_by and the three
 * timings), as Alertmanager resolves them at load time. {@link #id()} is the node's position ("0" for the root,
 * "0.2.1" for the second child of the third child) and identifies the route in group keys.
 */
public final class Route {

    private final String id;
    private final String receiver;
    private final List<Matcher> matchers;
    private final boolean continueMatching;
    private final GroupBy groupBy;
    private final Timing timing;
    private final List<String> muteTimeIntervals;
    private final List<String> activeTimeIntervals;
    private final List<Route> children = new ArrayList<>();

    /** The labels an aggregation group is keyed by; {@code all} is the special {@code group_by: ['...']}. */
    public record GroupBy(boolean all, List<String> labels) {

        public GroupBy {
            labels = List.copyOf(labels);
        }

        /** The group's label values taken from an alert (all labels when {@code all}); absent labels are left out. */
        public Map<String, String> select(Map<String, String> alertLabels) {
            TreeMap<String, String> out = new TreeMap<>();
            if (all) {
                out.putAll(alertLabels);
            } else {
                for (String name : labels) {
                    String value = alertLabels.get(name);
                    if (value != null && !value.isEmpty()) {
                        out.put(name, value);
                    }
                }
            }
            return Collections.unmodifiableMap(out);
        }
    }

    /** group_wait, group_interval and repeat_interval. */
    public record Timing(Duration groupWait, Duration groupInterval, Duration repeatInterval) {

        /** Alertmanager's defaults for a root route that sets none. */
        public static final Timing DEFAULTS = new Timing(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4));
    }

    Route(String id, String receiver, List<Matcher> matchers, boolean continueMatching, GroupBy groupBy, Timing timing,
            List<String> muteTimeIntervals, List<String> activeTimeIntervals) {
        this.id = id;
        this.receiver = receiver;
        this.matchers = List.copyOf(matchers);
        this.continueMatching = continueMatching;
        this.groupBy = groupBy;
        this.timing = timing;
        this.muteTimeIntervals = List.copyOf(muteTimeIntervals);
        this.activeTimeIntervals = List.copyOf(activeTimeIntervals);
    }

    void addChild(Route child) {
        children.add(child);
    }

    public String id() {
        return id;
    }

    public String receiver() {
        return receiver;
    }

    public List<Matcher> matchers() {
        return matchers;
    }

    public boolean continueMatching() {
        return continueMatching;
    }

    public GroupBy groupBy() {
        return groupBy;
    }

    public Timing timing() {
        return timing;
    }

    public List<String> muteTimeIntervals() {
        return muteTimeIntervals;
    }

    public List<String> activeTimeIntervals() {
        return activeTimeIntervals;
    }

    public List<Route> children() {
        return Collections.unmodifiableList(children);
    }

    /** Whether all of this node's matchers hold for the labels (a node without matchers matches everything). */
    public boolean matches(Map<String, String> labels) {
        for (Matcher m : matchers) {
            if (!m.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The routes that handle an alert below and including this node, in order: children are tried in order, the first
     * matching child ends the search unless it has {@code continue}, and a node none of whose children matched
     * handles the alert itself. The caller has checked that this node matches.
     */
    List<Route> match(Map<String, String> labels) {
        List<Route> out = new ArrayList<>();
        for (Route child : children) {
            if (!child.matches(labels)) {
                continue;
            }
            out.addAll(child.match(labels));
            if (!child.continueMatching) {
                break;
            }
        }
        if (out.isEmpty()) {
            out.add(this);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Route[" + id + " -> " + receiver + " " + matchers + "]";
    }
}
