package dev.vigil.server.monitoring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.monitor.rules.RuleFileLoader;
import dev.vigil.monitor.rules.RuleTemplates;
import dev.vigil.monitor.yaml.YamlException;
import dev.vigil.server.monitoring.MonitorLevel;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Turns a Prometheus rule file (the built-in host pack, or a public one such as node-exporter's) into monitor
 * definitions: one per alerting rule, named after the alert (with the level appended when several rules share it),
 * level from {@code labels.severity}, the disposal plan from the {@code runbook} annotation (one step per line) or
 * {@code runbook_url}, else from the import's default; an optional {@code prefix} keeps names apart from other packs. Target, receivers and tenant come from the import. Recording
 * rules are reported as skipped.
 */
public final class MonitorPacks {

    public static final String HOST_PACK = "host";

    private MonitorPacks() {
    }

    /** The pack's definitions and the recording rules it skipped. */
    public record Converted(List<Map<String, Object>> definitions, List<String> skipped) {
    }

    public static String hostPack() {
        try (InputStream in = MonitorPacks.class.getResourceAsStream("/monitoring/host-pack.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the built-in host pack is missing from the jar", e);
        }
    }

    /**
     * @param defaults fields every monitor gets unless the rule supplies them: target, receivers, tenant, and
     *                 optionally level and disposal_plan
     */
    @SuppressWarnings("unchecked")
    public static Converted convert(String rulesText, String packName, Map<String, Object> defaults) {
        try {
            new RuleFileLoader(60_000, RuleTemplates.none()).load(rulesText, packName);
        } catch (YamlException e) {
            throw new InvalidMonitorException(e.getMessage());
        }
        Map<String, Object> file = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(rulesText);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : (List<Object>) file.getOrDefault("groups", List.of())) {
            rules.addAll((List<Map<String, Object>>) ((Map<String, Object>) group).getOrDefault("rules", List.of()));
        }
        Map<String, Integer> perName = new HashMap<>();
        rules.stream().filter(r -> r.containsKey("alert")).forEach(r -> perName.merge(String.valueOf(r.get("alert")), 1, Integer::sum));
        List<Map<String, Object>> definitions = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            if (!rule.containsKey("alert")) {
                skipped.add(String.valueOf(rule.get("record")));
                continue;
            }
            definitions.add(definition(rule, perName, defaults));
        }
        return new Converted(definitions, skipped);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> definition(Map<String, Object> rule, Map<String, Integer> perName, Map<String, Object> defaults) {
        String alert = String.valueOf(rule.get("alert"));
        Map<String, Object> labels = new LinkedHashMap<>((Map<String, Object>) rule.getOrDefault("labels", Map.of()));
        Map<String, Object> annotations = new LinkedHashMap<>((Map<String, Object>) rule.getOrDefault("annotations", Map.of()));
        String severity = labels.containsKey("severity") ? String.valueOf(labels.remove("severity")) : null;
        String level = isLevel(severity) ? severity : defaults.get("level") != null ? String.valueOf(defaults.get("level")) : "warning";
        Map<String, Object> d = new LinkedHashMap<>();
        String prefix = defaults.get("prefix") == null ? "" : String.valueOf(defaults.get("prefix"));
        d.put("name", prefix + (perName.get(alert) > 1 ? alert + "-" + level : alert));
        d.put("condition", String.valueOf(rule.get("expr")).strip());
        if (rule.get("for") != null) {
            d.put("for", String.valueOf(rule.get("for")));
        }
        if (rule.get("keep_firing_for") != null) {
            d.put("keep_firing_for", String.valueOf(rule.get("keep_firing_for")));
        }
        d.put("level", level);
        for (String field : List.of("target", "receivers", "tenant", "interval")) {
            if (defaults.get(field) != null) {
                d.put(field, defaults.get(field));
            }
        }
        Object runbook = annotations.remove("runbook");
        Object runbookUrl = annotations.get("runbook_url");
        String summary = String.valueOf(annotations.getOrDefault("summary", alert));
        if (runbook != null) {
            d.put("disposal_plan", Map.of("summary", summary, "steps", String.valueOf(runbook).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList()));
        } else if (runbookUrl != null) {
            d.put("disposal_plan", Map.of("summary", summary, "steps", List.of("Follow the runbook: " + runbookUrl)));
        } else if (defaults.get("disposal_plan") != null) {
            d.put("disposal_plan", defaults.get("disposal_plan"));
        }
        if (!labels.isEmpty()) {
            d.put("labels", labels);
        }
        if (!annotations.isEmpty()) {
            d.put("annotations", annotations);
        }
        return d;
    }

    private static boolean isLevel(String severity) {
        try {
            MonitorLevel.parse(severity);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
