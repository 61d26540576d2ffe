package dev.vigil.monitor.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.vigil.monitor.promql.ast.Expr;
import dev.vigil.monitor.promql.parse.Durations;
import dev.vigil.monitor.promql.parse.ParseException;
import dev.vigil.monitor.promql.parse.PromqlParser;
import dev.vigil.monitor.yaml.YamlException;
import dev.vigil.monitor.yaml.YamlTree;
import dev.vigil.monitor.yaml.YamlTree.Located;

/** Reads a Prometheus rule file ({@code groups: [{name, interval, limit, rules}]}) and validates every rule. */
public final class RuleFileLoader {

    private static final Set<String> FILE_KEYS = Set.of("groups");
    private static final Set<String> GROUP_KEYS = Set.of("name", "interval", "limit", "rules", "query_offset", "labels");
    private static final Set<String> RULE_KEYS = Set.of("alert", "record", "expr", "for", "keep_firing_for", "labels", "annotations");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final long defaultIntervalMs;
    private final RuleTemplates templates;

    public RuleFileLoader(long defaultIntervalMs, RuleTemplates templates) {
        this.defaultIntervalMs = defaultIntervalMs;
        this.templates = templates;
    }

    /** Loads all groups of one file; throws {@link YamlException} naming the file, line and rule on any problem. */
    public List<RuleGroup> load(Path file) {
        return groups(YamlTree.read(file), file.toString());
    }

    /** Loads all groups of a rule file given as text; {@code name} stands for the file in messages. */
    public List<RuleGroup> load(String text, String name) {
        return groups(YamlTree.parse(text, name), name);
    }

    private List<RuleGroup> groups(Located root, String file) {
        List<RuleGroup> groups = new ArrayList<>();
        if (root == null) {
            return groups;
        }
        Map<String, Located> top = root.map(FILE_KEYS);
        Set<String> names = new HashSet<>();
        for (Located groupNode : top.containsKey("groups") ? top.get("groups").list() : List.<Located>of()) {
            Map<String, Located> group = groupNode.map(GROUP_KEYS);
            if (!group.containsKey("name") || group.get("name").string().isEmpty()) {
                throw groupNode.error("group name must not be empty");
            }
            String name = group.get("name").string();
            if (!names.add(name)) {
                throw group.get("name").error("group \"" + name + "\": repeated in the same file");
            }
            if (group.containsKey("query_offset") || group.containsKey("labels")) {
                throw groupNode.error("group \"" + name + "\": query_offset and group labels are not supported");
            }
            long interval = group.containsKey("interval") ? duration(group.get("interval"), "interval") : defaultIntervalMs;
            int limit = group.containsKey("limit") ? integer(group.get("limit")) : 0;
            List<Rule> rules = new ArrayList<>();
            List<Located> ruleNodes = group.containsKey("rules") ? group.get("rules").list() : List.of();
            for (int i = 0; i < ruleNodes.size(); i++) {
                rules.add(rule(ruleNodes.get(i), name, i + 1, limit));
            }
            groups.add(new RuleGroup(name, file, interval, rules));
        }
        return groups;
    }

    private Rule rule(Located node, String group, int index, int limit) {
        Map<String, Located> r = node.map(RULE_KEYS);
        String place = "group \"" + group + "\", rule " + index;
        boolean alerting = r.containsKey("alert");
        if (alerting == r.containsKey("record")) {
            throw node.error(place + ": exactly one of 'alert' and 'record' must be set");
        }
        String name = (alerting ? r.get("alert") : r.get("record")).string();
        place += " (" + (alerting ? "alert " : "record ") + name + ")";
        if (!alerting && !METRIC_NAME.matcher(name).matches()) {
            throw r.get("record").error(place + ": invalid recording rule name");
        }
        if (!r.containsKey("expr")) {
            throw node.error(place + ": field 'expr' must be set");
        }
        Expr expr;
        try {
            expr = PromqlParser.parse(r.get("expr").string());
        } catch (ParseException e) {
            throw r.get("expr").error(place + ": expr: " + e.getMessage());
        }
        Map<String, String> labels = r.containsKey("labels") ? r.get("labels").stringMap() : Map.of();
        for (String label : labels.keySet()) {
            if (!LABEL_NAME.matcher(label).matches() || label.equals("__name__")) {
                throw r.get("labels").error(place + ": invalid label name \"" + label + "\"");
            }
        }
        Map<String, String> annotations = r.containsKey("annotations") ? r.get("annotations").stringMap() : Map.of();
        if (!alerting) {
            for (String key : List.of("for", "keep_firing_for", "annotations")) {
                if (r.containsKey(key)) {
                    throw r.get(key).error(place + ": invalid field '" + key + "' in recording rule");
                }
            }
            return new RecordingRule(name, expr, labels);
        }
        long forMs = r.containsKey("for") ? duration(r.get("for"), place + ": for") : 0;
        long keepFiring = r.containsKey("keep_firing_for") ? duration(r.get("keep_firing_for"), place + ": keep_firing_for") : 0;
        return new AlertingRule(name, expr, forMs, keepFiring, labels, annotations, limit, templates);
    }

    static long duration(Located node, String what) {
        try {
            return Durations.parse(node.string());
        } catch (IllegalArgumentException e) {
            throw node.error(what + ": " + e.getMessage());
        }
    }

    private static int integer(Located node) {
        try {
            return Integer.parseInt(node.string());
        } catch (NumberFormatException e) {
            throw node.error("expected an integer, got \"" + node.string() + "\"");
        }
    }
}
