package dev.vigil.server.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.vigil.server.platform.web.ProblemException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A validated operating procedure template: what kind of high-risk work it is, who must approve an execution
 * ({@code approvals} holders of {@code procedure-execution:approve}, optionally also of {@code approverRole}; the
 * authorizer of the targets' tenant is added by the execution), the longest window, the commands allowed at any time
 * and the ordered steps with their expected commands and whether a tick needs evidence. A {@code strict} procedure has
 * the gateway refuse a bound session's commands outside the plan; otherwise they run and are flagged.
 *
 * <p>Expected commands are word lists ({@code "virsh migrate --live"}: the command's program and its first words;
 * {@code *} stands for any one word) or Java regular expressions ({@code patterns}) found in the command's words joined
 * by single spaces.
 */
public record ProcedureDefinition(String name, String kind, String description, int approvals, String approverRole, int maxWindowHours,
        List<String> anytime, List<Step> steps, boolean strict) {

    public static final Set<String> KINDS = Set.of("vm-migration", "data-relocation", "key-rotation", "capacity-expansion", "other");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One step: a title, instructions for the operator, the commands it expects, and whether its tick needs evidence. */
    public record Step(String title, String instructions, List<String> commands, List<String> patterns, boolean evidence) {
    }

    public ProcedureDefinition {
        anytime = List.copyOf(anytime);
        steps = List.copyOf(steps);
    }

    /** Validates a definition given as a JSON object or parsed YAML; 400 naming the field and the fault. */
    public static ProcedureDefinition of(Map<String, Object> map) {
        if (map == null) {
            throw invalid("the definition is missing");
        }
        String name = text(map, "name", 100, true);
        if (!NAME.matcher(name).matches()) {
            throw invalid("name: '" + name + "' must be 1-100 lower case letters, digits, '.', '_' or '-'");
        }
        String kind = text(map, "kind", 40, true);
        if (!KINDS.contains(kind)) {
            throw invalid("kind: '" + kind + "' is not one of " + String.join(", ", KINDS.stream().sorted().toList()));
        }
        String description = text(map, "description", 4000, false);
        int approvals = integer(map, "approvals", 1, 1, 5);
        String role = text(map, "approverRole", 100, false);
        int maxWindowHours = integer(map, "maxWindowHours", 8, 1, 168);
        List<String> anytime = strings(map.get("anytime"), "anytime");
        anytime.forEach(words -> requireWords(words, "anytime"));
        if (!(map.get("steps") instanceof List<?> rawSteps) || rawSteps.isEmpty() || rawSteps.size() > 50) {
            throw invalid("steps: give 1 to 50 steps");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < rawSteps.size(); i++) {
            String at = "steps[" + (i + 1) + "]";
            if (!(rawSteps.get(i) instanceof Map<?, ?> raw)) {
                throw invalid(at + ": must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> step = (Map<String, Object>) raw;
            String title = text(step, "title", 200, true);
            String instructions = text(step, "instructions", 4000, false);
            List<String> commands = strings(step.get("commands"), at + ".commands");
            commands.forEach(words -> requireWords(words, at + ".commands"));
            List<String> patterns = strings(step.get("patterns"), at + ".patterns");
            for (String pattern : patterns) {
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    throw invalid(at + ".patterns: '" + pattern + "' is not a regular expression: " + e.getDescription());
                }
            }
            Object evidence = step.getOrDefault("evidence", false);
            if (!(evidence instanceof Boolean)) {
                throw invalid(at + ".evidence: true or false");
            }
            steps.add(new Step(title, instructions, commands, patterns, (Boolean) evidence));
        }
        Object strict = map.getOrDefault("strict", false);
        if (!(strict instanceof Boolean)) {
            throw invalid("strict: true (refuse commands outside the plan) or false (flag them)");
        }
        return new ProcedureDefinition(name, kind, description, approvals, role.isEmpty() ? null : role, maxWindowHours, anytime, steps,
                (Boolean) strict);
    }

    /** A definition written in YAML (the same fields). */
    public static ProcedureDefinition ofYaml(String yaml) {
        Object parsed;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            parsed = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (RuntimeException e) {
            throw invalid("the YAML does not parse: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw invalid("the YAML must be a mapping with name, kind, steps...");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> definition = (Map<String, Object>) map;
        return of(definition);
    }

    /** A stored version (valid when it was approved). */
    static ProcedureDefinition fromJson(String json) {
        return of(JSON.readValue(json, new TypeReference<Map<String, Object>>() { }));
    }

    String toJson() {
        return JSON.writeValueAsString(asMap());
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("kind", kind);
        map.put("description", description);
        map.put("approvals", approvals);
        map.put("approverRole", approverRole);
        map.put("maxWindowHours", maxWindowHours);
        map.put("anytime", anytime);
        map.put("steps", steps.stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("title", s.title());
            step.put("instructions", s.instructions());
            step.put("commands", s.commands());
            step.put("patterns", s.patterns());
            step.put("evidence", s.evidence());
            return step;
        }).toList());
        map.put("strict", strict);
        return map;
    }

    /** The definition as reviewers read it in a change's diff. */
    String describe() {
        StringBuilder text = new StringBuilder();
        text.append("kind: ").append(kind).append('\n');
        text.append("approvals: ").append(approvals).append(approverRole == null ? "" : " with role " + approverRole)
                .append(" (+ the tenant's authorizer when the targets hold a tenant's data)\n");
        text.append("max window: ").append(maxWindowHours).append(" h\n");
        text.append("commands outside the plan: ").append(strict ? "refused (strict)" : "flagged").append('\n');
        if (!anytime.isEmpty()) {
            text.append("anytime: ").append(String.join(" | ", anytime)).append('\n');
        }
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            text.append("step ").append(i + 1).append(": ").append(s.title()).append(s.evidence() ? " [evidence]" : "").append('\n');
            if (!s.instructions().isEmpty()) {
                s.instructions().lines().forEach(line -> text.append("  ").append(line).append('\n'));
            }
            s.commands().forEach(c -> text.append("  command: ").append(c).append('\n'));
            s.patterns().forEach(p -> text.append("  pattern: ").append(p).append('\n'));
        }
        if (!description.isEmpty()) {
            text.append("description: ").append(description).append('\n');
        }
        return text.toString();
    }

    private static void requireWords(String words, String field) {
        if (words.isBlank() || words.strip().startsWith("*")) {
            throw invalid(field + ": '" + words + "' must start with a program name");
        }
    }

    private static String text(Map<String, Object> map, String key, int max, boolean required) {
        Object value = map.get(key);
        if (value != null && !(value instanceof String)) {
            throw invalid(key + ": must be text");
        }
        String text = value == null ? "" : ((String) value).strip();
        if (required && text.isEmpty()) {
            throw invalid(key + ": is required");
        }
        if (text.length() > max) {
            throw invalid(key + ": at most " + max + " characters");
        }
        return text;
    }

    private static int integer(Map<String, Object> map, String key, int fallback, int min, int max) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer number) || number < min || number > max) {
            throw invalid(key + ": a whole number from " + min + " to " + max);
        }
        return number;
    }

    private static List<String> strings(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.size() > 50) {
            throw invalid(field + ": a list of at most 50 texts");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isBlank() || s.length() > 500) {
                throw invalid(field + ": each entry is a non-empty text of at most 500 characters");
            }
            out.add(s.strip());
        }
        return out;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-procedure", detail);
    }
}
