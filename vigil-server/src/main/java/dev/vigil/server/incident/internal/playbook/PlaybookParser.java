package dev.vigil.server.incident.internal.playbook;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.incident.IncidentType;
import dev.vigil.server.incident.Level;
import dev.vigil.server.ingest.TimeExpression;
import dev.vigil.server.platform.web.ProblemException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates a playbook's YAML (the format is in docs/PLAYBOOKS.md). Every refusal is a 400 naming the line
 * (YAML syntax) or the field ({@code steps[2].url}) and what is wrong with it.
 */
public final class PlaybookParser {

    public static final int MAX_LENGTH = 100_000;
    static final int MAX_STEPS = 50;
    static final int MAX_RETRIES = 10;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");
    private static final Pattern STEP_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Set<String> TOP = Set.of("name", "description", "trigger", "steps");
    private static final Set<String> TRIGGER = Set.of("manual", "types", "max_level");
    private static final Set<String> COMMON = Set.of("name", "type", "when", "timeout", "retries");

    /** The fields of each step type: required ones first, then optional ones. */
    private record StepType(List<String> required, List<String> optional) {
    }

    private static final Map<String, StepType> TYPES = Map.of(
            "create_task", new StepType(List.of("title"), List.of("description", "assignee", "due_in", "kind")),
            "comment", new StepType(List.of("text"), List.of()),
            "add_observable", new StepType(List.of("kind", "value"), List.of("note")),
            "search_events", new StepType(List.of("query"), List.of("limit", "lookback")),
            "webhook", new StepType(List.of("url"), List.of("secret", "body")),
            "notify", new StepType(List.of("message"), List.of("title", "severity", "receivers", "schedules", "users")),
            "approval", new StepType(List.of("title"), List.of("reason", "wait")),
            "bastion_command", new StepType(List.of("template", "target"), List.of("params")));
    private static final Set<String> TARGET_LISTS = Set.of("receivers", "schedules", "users");
    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._@-]{0,99}");
    private static final Pattern BASTION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}");

    private PlaybookParser() {
    }

    public static List<String> stepTypes() {
        return TYPES.keySet().stream().sorted().toList();
    }

    public static PlaybookDefinition parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw invalid("the definition is empty (field 'definition': the playbook's YAML)");
        }
        if (yaml.length() > MAX_LENGTH) {
            throw invalid("the definition is longer than " + MAX_LENGTH + " characters");
        }
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            root = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw invalid("invalid YAML: " + e.getMessage().replaceAll("\\s+", " ").strip());
        }
        Map<String, Object> map = map(root, "the definition");
        unknown(map, TOP, "");
        String name = text(map, "name", "name", true);
        if (!NAME.matcher(name).matches()) {
            throw invalid("name: '" + name + "' must be lower case letters, digits, '.', '_' or '-' (at most 100)");
        }
        String description = text(map, "description", "description", false);
        PlaybookDefinition.Trigger trigger = trigger(map.get("trigger"));
        Object stepsValue = map.get("steps");
        if (!(stepsValue instanceof List<?> list) || list.isEmpty()) {
            throw invalid("steps: missing required field steps (a list of at least one step)");
        }
        if (list.size() > MAX_STEPS) {
            throw invalid("steps: at most " + MAX_STEPS + " steps");
        }
        List<PlaybookDefinition.Step> steps = new ArrayList<>();
        Set<String> earlier = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            PlaybookDefinition.Step step = step(list.get(i), "steps[" + i + "]", earlier);
            earlier.add(step.name());
            steps.add(step);
        }
        return new PlaybookDefinition(name, description == null ? "" : description, trigger, List.copyOf(steps));
    }

    private static PlaybookDefinition.Trigger trigger(Object value) {
        if (value == null) {
            return new PlaybookDefinition.Trigger(true, List.of(), null);
        }
        Map<String, Object> map = map(value, "trigger");
        unknown(map, TRIGGER, "trigger.");
        boolean manual = Boolean.TRUE.equals(map.get("manual"));
        if (map.containsKey("manual") && !(map.get("manual") instanceof Boolean)) {
            throw invalid("trigger.manual: must be true or false");
        }
        List<String> types = new ArrayList<>();
        Object typesValue = map.get("types");
        if (typesValue != null) {
            if (!(typesValue instanceof List<?> list)) {
                throw invalid("trigger.types: must be a list of incident types");
            }
            for (Object type : list) {
                try {
                    types.add(IncidentType.parse(String.valueOf(type)).code());
                } catch (IllegalArgumentException e) {
                    throw invalid("trigger.types: " + e.getMessage());
                }
            }
        }
        Integer maxLevel = null;
        if (map.get("max_level") != null) {
            if (!(map.get("max_level") instanceof Integer level) || !Level.isValid(level)) {
                throw invalid("trigger.max_level: must be 1 (I, most severe) to 4 (IV)");
            }
            maxLevel = level;
        }
        if (manual && (!types.isEmpty() || maxLevel != null)) {
            throw invalid("trigger: a manual playbook has no types or max_level");
        }
        if (!manual && types.isEmpty() && maxLevel == null) {
            throw invalid("trigger: give types and/or max_level, or manual: true");
        }
        return new PlaybookDefinition.Trigger(manual, List.copyOf(types), maxLevel);
    }

    private static PlaybookDefinition.Step step(Object value, String where, Set<String> earlier) {
        Map<String, Object> map = map(value, where);
        String name = text(map, "name", where + ".name", true);
        if (!STEP_NAME.matcher(name).matches()) {
            throw invalid(where + ".name: '" + name + "' must be lower case letters, digits or '_', starting with a letter");
        }
        if (earlier.contains(name)) {
            throw invalid(where + ".name: another step is already called '" + name + "'");
        }
        String type = text(map, "type", where + ".type", true);
        StepType stepType = TYPES.get(type);
        if (stepType == null) {
            throw invalid(where + ".type: unknown step type '" + type + "' (" + String.join(", ", stepTypes()) + ")");
        }
        Set<String> allowed = new LinkedHashSet<>(COMMON);
        allowed.addAll(stepType.required());
        allowed.addAll(stepType.optional());
        unknown(map, allowed, where + ".");
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : stepType.required()) {
            if (map.get(field) == null) {
                throw invalid(where + "." + field + ": missing required field " + field + " of a " + type + " step");
            }
        }
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            if (!COMMON.contains(entry.getKey())) {
                fields.put(entry.getKey(), field(type, entry.getKey(), entry.getValue(), where + "." + entry.getKey(), earlier));
            }
        }
        if (type.equals("approval") && map.get("retries") != null) {
            throw invalid(where + ".retries: an approval step is not retried (resume the run to ask again)");
        }
        if (type.equals("notify") && TARGET_LISTS.stream().noneMatch(fields::containsKey)) {
            throw invalid(where + ": a notify step needs receivers, schedules or users");
        }
        Condition when = null;
        String whenText = text(map, "when", where + ".when", false);
        if (whenText != null) {
            try {
                when = Condition.parse(whenText);
            } catch (IllegalArgumentException e) {
                throw invalid(where + ".when: " + e.getMessage());
            }
            for (Condition.Comparison comparison : when.comparisons()) {
                String problem = RunContext.problemWith(comparison.path(), earlier);
                if (problem != null) {
                    throw invalid(where + ".when: " + problem);
                }
            }
        }
        Duration timeout = DEFAULT_TIMEOUT;
        String timeoutText = text(map, "timeout", where + ".timeout", false);
        if (timeoutText != null) {
            timeout = span(timeoutText, where + ".timeout");
            if (timeout.compareTo(LONGEST_TIMEOUT) > 0) {
                throw invalid(where + ".timeout: at most 10m");
            }
        }
        int retries = 0;
        if (map.get("retries") != null) {
            if (!(map.get("retries") instanceof Integer n) || n < 0 || n > MAX_RETRIES) {
                throw invalid(where + ".retries: must be a whole number from 0 to " + MAX_RETRIES);
            }
            retries = n;
        }
        return new PlaybookDefinition.Step(name, type, when, timeout, retries, Map.copyOf(fields));
    }

    private static Object field(String type, String field, Object value, String where, Set<String> earlier) {
        if (type.equals("webhook") && field.equals("body")) {
            Map<String, Object> body = map(value, where);
            placeholdersIn(body, where, earlier);
            return body;
        }
        if (type.equals("notify") && TARGET_LISTS.contains(field)) {
            if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > 50) {
                throw invalid(where + ": must be a list of 1-50 names");
            }
            for (Object name : list) {
                if (!(name instanceof String text) || !TARGET.matcher(text).matches()) {
                    throw invalid(where + ": '" + name + "' is not a name (no placeholders: whom to tell is fixed by the playbook)");
                }
            }
            return List.copyOf(list.stream().map(String::valueOf).toList());
        }
        if (type.equals("bastion_command") && field.equals("params")) {
            Map<String, Object> params = map(value, where);
            for (Map.Entry<String, Object> param : params.entrySet()) {
                if (!(param.getValue() instanceof String || param.getValue() instanceof Number)) {
                    throw invalid(where + "." + param.getKey() + ": must be a single value (text or a number)");
                }
                placeholders(param.getValue().toString(), where + "." + param.getKey(), earlier);
            }
            Map<String, Object> texts = new LinkedHashMap<>();
            params.forEach((k, v) -> texts.put(k, v.toString()));
            return Map.copyOf(texts);
        }
        if (type.equals("bastion_command") && (field.equals("template") || field.equals("target"))) {
            if (!(value instanceof String text) || !BASTION_NAME.matcher(text).matches()) {
                throw invalid(where + ": '" + value + "' is not a name (no placeholders: what runs where is fixed by the playbook)");
            }
            return text;
        }
        if (type.equals("search_events") && field.equals("limit")) {
            if (!(value instanceof Integer n) || n < 1 || n > 100) {
                throw invalid(where + ": must be a whole number from 1 to 100");
            }
            return n;
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw invalid(where + ": must be a single value, not a list or a map");
        }
        String text = value.toString();
        if (text.length() > 10_000) {
            throw invalid(where + ": at most 10000 characters");
        }
        placeholders(text, where, earlier);
        switch (field) {
            case "due_in", "lookback" -> span(text, where);
            case "wait" -> {
                if (span(text, where).compareTo(ApprovalWait.LONGEST_WAIT) > 0 || span(text, where).isZero()) {
                    throw invalid(where + ": from 1s to 7d");
                }
            }
            case "kind" -> {
                if (type.equals("create_task") && !List.of("response", "recovery").contains(text)) {
                    throw invalid(where + ": must be response or recovery");
                }
            }
            case "url" -> url(text, where);
            case "severity" -> {
                try {
                    AlertSeverity.parse(text);
                } catch (IllegalArgumentException e) {
                    throw invalid(where + ": " + e.getMessage());
                }
            }
            default -> {
            }
        }
        return text;
    }

    private static void placeholdersIn(Object value, String where, Set<String> earlier) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> placeholdersIn(v, where + "." + k, earlier));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                placeholdersIn(list.get(i), where + "[" + i + "]", earlier);
            }
        } else if (value instanceof String text) {
            placeholders(text, where, earlier);
        }
    }

    private static void placeholders(String text, String where, Set<String> earlier) {
        Matcher m = RunContext.PLACEHOLDER.matcher(text);
        while (m.find()) {
            String problem = RunContext.problemWith(m.group(1), earlier);
            if (problem != null) {
                throw invalid(where + ": placeholder {{" + m.group(1) + "}}: " + problem);
            }
        }
    }

    private static void url(String text, String where) {
        if (text.contains("{{")) {
            throw invalid(where + ": the URL cannot contain placeholders");
        }
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(where + ": '" + text + "' must be an http or https URL with a host");
            }
        } catch (java.net.URISyntaxException e) {
            throw invalid(where + ": '" + text + "' is not a URL");
        }
    }

    static Duration span(String text, String where) {
        try {
            return TimeExpression.duration(where, text);
        } catch (ProblemException e) {
            throw invalid(where + ": '" + text + "' is not a span such as 30s, 15m, 4h or 2d");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(where + ": must be a mapping of fields");
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw invalid(where + ": field names must be text, not '" + key + "'");
            }
        }
        return (Map<String, Object>) map;
    }

    private static void unknown(Map<String, Object> map, Set<String> allowed, String prefix) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw invalid(prefix + key + ": unknown field '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(Map<String, Object> map, String field, String where, boolean required) {
        Object value = map.get(field);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                throw invalid(where + ": missing required field " + field);
            }
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw invalid(where + ": must be text");
        }
        return value.toString().strip();
    }

    static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-playbook", detail);
    }
}
