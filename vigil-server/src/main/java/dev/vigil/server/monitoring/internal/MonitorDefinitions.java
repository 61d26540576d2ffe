package dev.vigil.server.monitoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.vigil.monitor.promql.parse.Durations;
import dev.vigil.monitor.promql.parse.ParseException;
import dev.vigil.monitor.promql.parse.PromqlParser;
import dev.vigil.server.monitoring.MonitorDefinition;
import dev.vigil.server.monitoring.MonitorDefinition.DisposalPlan;
import dev.vigil.server.monitoring.MonitorDefinition.Receivers;
import dev.vigil.server.monitoring.MonitorDefinition.Target;
import dev.vigil.server.monitoring.MonitorLevel;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads monitor definitions from YAML, JSON or a parsed map, refusing anything incomplete or unknown with a message
 * that names the field; and writes the canonical form (a map for storage, YAML for diffs and export).
 */
public final class MonitorDefinitions {

    static final Set<String> FIELDS = Set.of("name", "description", "condition", "recovery", "for", "keep_firing_for", "interval",
            "level", "target", "receivers", "disposal_plan", "labels", "annotations", "tenant", "logs");
    private static final List<String> REQUIRED = List.of("name", "condition", "level", "target", "receivers", "disposal_plan");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,120}");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final long MIN_INTERVAL_MS = 1000;
    private static final long DEFAULT_INTERVAL_MS = 15_000;
    private static final long DEFAULT_LOG_WINDOW_MS = 300_000;
    private static final long MAX_LOG_WINDOW_MS = 86_400_000;
    private static final int MAX_LOGS = 10;
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_@][A-Za-z0-9_.@-]{0,200}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MonitorDefinitions() {
    }

    /** Parses a body: JSON when the content type says so, YAML otherwise. */
    public static Map<String, Object> parseText(String text, boolean json) {
        if (text == null || text.isBlank()) {
            throw new InvalidMonitorException("the monitor definition is empty");
        }
        Object parsed;
        try {
            parsed = json ? JSON.readValue(text, Object.class) : yaml().load(text);
        } catch (JacksonException e) {
            throw new InvalidMonitorException("invalid JSON: " + e.getOriginalMessage());
        } catch (YAMLException e) {
            throw new InvalidMonitorException("invalid YAML: " + e.getMessage());
        }
        return asMap(parsed, "the monitor definition");
    }

    /** Validates a definition given as a map; throws {@link InvalidMonitorException} naming every missing field. */
    public static MonitorDefinition read(Map<String, Object> raw) {
        Set<String> unknown = new TreeSet<>(raw.keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw new InvalidMonitorException("unknown field(s) " + unknown + "; a monitor has " + new TreeSet<>(FIELDS));
        }
        List<String> missing = REQUIRED.stream().filter(f -> isMissing(raw.get(f))).toList();
        if (!missing.isEmpty()) {
            throw new InvalidMonitorException("missing required field" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + ": every monitor needs a name, condition, level, target, receivers and disposal_plan");
        }
        String name = text(raw, "name");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidMonitorException("name '" + name + "' must be 1-120 letters, digits, '_', '.' or '-'");
        }
        String condition = expression(raw, "condition");
        String recovery = raw.get("recovery") == null ? null : expression(raw, "recovery");
        MonitorLevel level;
        try {
            level = MonitorLevel.parse(text(raw, "level"));
        } catch (IllegalArgumentException e) {
            throw new InvalidMonitorException("level: " + e.getMessage());
        }
        long interval = raw.get("interval") == null ? DEFAULT_INTERVAL_MS : duration(raw, "interval");
        if (interval < MIN_INTERVAL_MS) {
            throw new InvalidMonitorException("interval must be at least 1s");
        }
        String tenant = raw.get("tenant") == null ? "platform" : text(raw, "tenant");
        return new MonitorDefinition(name, raw.get("description") == null ? "" : text(raw, "description"), condition, recovery,
                raw.get("for") == null ? 0 : duration(raw, "for"), raw.get("keep_firing_for") == null ? 0 : duration(raw, "keep_firing_for"),
                interval, level, target(raw.get("target")), receivers(raw.get("receivers")), disposal(raw.get("disposal_plan")),
                labels(raw.get("labels")), annotations(raw.get("annotations")), tenant, logs(raw.get("logs")));
    }

    /** The canonical map (stored as JSON; the API shows it). */
    public static Map<String, Object> toMap(MonitorDefinition d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", d.name());
        if (!d.description().isEmpty()) {
            out.put("description", d.description());
        }
        out.put("condition", d.condition());
        if (d.recovery() != null) {
            out.put("recovery", d.recovery());
        }
        out.put("for", Durations.format(d.forMs()));
        out.put("keep_firing_for", Durations.format(d.keepFiringForMs()));
        out.put("interval", Durations.format(d.intervalMs()));
        out.put("level", d.level().code());
        out.put("target", Map.of(d.target().kind(), d.target().name()));
        Map<String, Object> receivers = new LinkedHashMap<>();
        if (!d.receivers().names().isEmpty()) {
            receivers.put("names", d.receivers().names());
        }
        if (!d.receivers().route().isEmpty()) {
            receivers.put("route", d.receivers().route());
        }
        out.put("receivers", receivers);
        Map<String, Object> disposal = new LinkedHashMap<>();
        disposal.put("summary", d.disposal().summary());
        disposal.put("steps", d.disposal().steps());
        if (!d.disposal().playbook().isEmpty()) {
            disposal.put("playbook", d.disposal().playbook());
        }
        out.put("disposal_plan", disposal);
        if (!d.labels().isEmpty()) {
            out.put("labels", d.labels());
        }
        if (!d.annotations().isEmpty()) {
            out.put("annotations", d.annotations());
        }
        out.put("tenant", d.tenant());
        if (!d.logs().isEmpty()) {
            List<Map<String, Object>> logs = new ArrayList<>();
            for (MonitorDefinition.LogSeries log : d.logs()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", log.name());
                item.put("query", log.query());
                item.put("window", Durations.format(log.windowMs()));
                if (log.by() != null) {
                    item.put("by", log.by());
                }
                logs.add(item);
            }
            out.put("logs", logs);
        }
        return out;
    }

    public static String toYaml(MonitorDefinition d) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(200);
        return new Yaml(new Representer(options), options).dump(toMap(d));
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(1024 * 1024);
        return new Yaml(new SafeConstructor(options));
    }

    private static boolean isMissing(Object value) {
        return value == null || value instanceof String s && s.isBlank() || value instanceof Map<?, ?> m && m.isEmpty()
                || value instanceof List<?> l && l.isEmpty();
    }

    private static String text(Map<String, Object> raw, String field) {
        Object value = raw.get(field);
        if (value instanceof Map || value instanceof List) {
            throw new InvalidMonitorException(field + " must be a single value");
        }
        return String.valueOf(value).strip();
    }

    private static String expression(Map<String, Object> raw, String field) {
        String expr = text(raw, field);
        try {
            PromqlParser.parse(expr);
        } catch (ParseException e) {
            throw new InvalidMonitorException(field + ": " + e.getMessage());
        }
        return expr;
    }

    private static long duration(Map<String, Object> raw, String field) {
        try {
            return Durations.parse(text(raw, field));
        } catch (IllegalArgumentException e) {
            throw new InvalidMonitorException(field + ": " + e.getMessage());
        }
    }

    /** {@code logs: [{name, query, window, by}]}: each name a label value, unique; window 10s to 24h (default 5m). */
    private static List<MonitorDefinition.LogSeries> logs(Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> items = asList(value, "logs");
        if (items.size() > MAX_LOGS) {
            throw new InvalidMonitorException("logs: at most " + MAX_LOGS + " log series per monitor");
        }
        List<MonitorDefinition.LogSeries> logs = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "logs[" + i + "]";
            Map<String, Object> item = asMap(items.get(i), where);
            Set<String> unknown = new TreeSet<>(item.keySet());
            unknown.removeAll(Set.of("name", "query", "window", "by"));
            if (!unknown.isEmpty()) {
                throw new InvalidMonitorException(where + ": unknown field(s) " + unknown + " (name, query, window, by)");
            }
            if (isMissing(item.get("name")) || isMissing(item.get("query"))) {
                throw new InvalidMonitorException(where + " needs a name and a query");
            }
            String name = text(item, "name");
            if (!LABEL.matcher(name).matches()) {
                throw new InvalidMonitorException(where + ".name '" + name + "' must be letters, digits and '_', not starting with a digit");
            }
            if (!names.add(name)) {
                throw new InvalidMonitorException(where + ".name '" + name + "' is used twice");
            }
            String query = text(item, "query");
            if (query.length() > 4000) {
                throw new InvalidMonitorException(where + ".query is longer than 4000 characters");
            }
            long window;
            try {
                window = item.get("window") == null ? DEFAULT_LOG_WINDOW_MS : duration(item, "window");
            } catch (InvalidMonitorException e) {
                throw new InvalidMonitorException(where + "." + e.getMessage());
            }
            if (window < 10_000 || window > MAX_LOG_WINDOW_MS) {
                throw new InvalidMonitorException(where + ".window must be between 10s and 24h");
            }
            String by = item.get("by") == null ? null : text(item, "by");
            if (by != null && !FIELD_NAME.matcher(by).matches()) {
                throw new InvalidMonitorException(where + ".by '" + by + "' is not an event field name");
            }
            if (by != null && List.of("monitor", "log").contains(by)) {
                throw new InvalidMonitorException(where + ".by '" + by + "' would clash with the series' own label " + by);
            }
            logs.add(new MonitorDefinition.LogSeries(name, query, window, by));
        }
        return logs;
    }

    private static Target target(Object value) {
        Map<String, Object> target = asMap(value, "target");
        Set<String> keys = new TreeSet<>(target.keySet());
        if (keys.size() != 1 || !Target.KINDS.contains(keys.iterator().next())) {
            throw new InvalidMonitorException("target must name exactly one of component, asset or group, e.g. {component: web-shop}");
        }
        String kind = keys.iterator().next();
        String name = target.get(kind) == null ? "" : String.valueOf(target.get(kind)).strip();
        if (name.isEmpty()) {
            throw new InvalidMonitorException("target " + kind + " must not be empty");
        }
        return new Target(kind, name);
    }

    private static Receivers receivers(Object value) {
        if (value instanceof List<?> list) {
            return new Receivers(strings(list, "receivers"), Map.of());
        }
        Map<String, Object> receivers = asMap(value, "receivers");
        Set<String> unknown = new TreeSet<>(receivers.keySet());
        unknown.removeAll(Set.of("names", "route"));
        if (!unknown.isEmpty()) {
            throw new InvalidMonitorException("receivers: unknown field(s) " + unknown + " (names, route)");
        }
        List<String> names = receivers.get("names") == null ? List.of() : strings(asList(receivers.get("names"), "receivers.names"), "receivers.names");
        Map<String, String> route = labels(receivers.get("route"));
        if (names.isEmpty() && route.isEmpty()) {
            throw new InvalidMonitorException("receivers must name receivers (names: [...]) or a route (route: {label: value})");
        }
        return new Receivers(names, route);
    }

    private static DisposalPlan disposal(Object value) {
        if (!(value instanceof Map)) {
            if (value instanceof List || String.valueOf(value).isBlank()) {
                throw new InvalidMonitorException("disposal_plan must be runbook text or {summary, steps, playbook}");
            }
            return new DisposalPlan(String.valueOf(value).strip(), List.of(), "");
        }
        Map<String, Object> plan = asMap(value, "disposal_plan");
        Set<String> unknown = new TreeSet<>(plan.keySet());
        unknown.removeAll(Set.of("summary", "steps", "playbook"));
        if (!unknown.isEmpty()) {
            throw new InvalidMonitorException("disposal_plan: unknown field(s) " + unknown + " (summary, steps, playbook)");
        }
        String summary = plan.get("summary") == null ? "" : String.valueOf(plan.get("summary")).strip();
        List<String> steps = plan.get("steps") == null ? List.of() : strings(asList(plan.get("steps"), "disposal_plan.steps"), "disposal_plan.steps");
        if (summary.isEmpty() && steps.isEmpty()) {
            throw new InvalidMonitorException("disposal_plan needs a summary or steps saying what to do");
        }
        String playbook = plan.get("playbook") == null ? "" : String.valueOf(plan.get("playbook")).strip();
        return new DisposalPlan(summary, steps, playbook);
    }

    private static Map<String, String> labels(Object value) {
        if (value == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        asMap(value, "labels").forEach((k, v) -> {
            if (!LABEL.matcher(k).matches()) {
                throw new InvalidMonitorException("invalid label name '" + k + "'");
            }
            if (v instanceof Map || v instanceof List) {
                throw new InvalidMonitorException("label " + k + " must be a single value");
            }
            out.put(k, v == null ? "" : String.valueOf(v));
        });
        return out;
    }

    private static Map<String, String> annotations(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value != null) {
            asMap(value, "annotations").forEach((k, v) -> {
                if (v instanceof Map || v instanceof List) {
                    throw new InvalidMonitorException("annotation " + k + " must be a single text");
                }
                out.put(k, v == null ? "" : String.valueOf(v));
            });
        }
        return out;
    }

    private static List<String> strings(List<?> list, String field) {
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (item == null || item instanceof Map || item instanceof List || String.valueOf(item).isBlank()) {
                throw new InvalidMonitorException(field + " must be a list of non-empty texts");
            }
            out.add(String.valueOf(item).strip());
        }
        return out;
    }

    private static List<?> asList(Object value, String field) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new InvalidMonitorException(field + " must be a list");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String field) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        throw new InvalidMonitorException(field + " must be a mapping");
    }
}
