package dev.vigil.server.incident.internal.playbook;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What conditions and placeholders can read: {@code incident.<field>} and {@code steps.<step>.<output>} of the steps
 * done so far. Placeholders are written {@code {{incident.title}}}.
 */
public final class RunContext {

    public static final List<String> INCIDENT_FIELDS = List.of("id", "ref", "title", "summary", "type", "level", "phase", "tenant");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_][a-z0-9_.\\-]*)\\s*}}");

    private final Map<String, Object> incident;
    private final Map<String, Map<String, Object>> steps = new HashMap<>();

    public RunContext(Map<String, Object> incident) {
        this.incident = new LinkedHashMap<>(incident);
    }

    public void record(String step, Map<String, Object> output) {
        steps.put(step, output);
    }

    public Object value(String path) {
        String[] parts = path.split("\\.", 3);
        if (parts.length == 2 && parts[0].equals("incident")) {
            return incident.get(parts[1]);
        }
        if (parts.length == 3 && parts[0].equals("steps")) {
            Map<String, Object> output = steps.get(parts[1]);
            return output == null ? null : output.get(parts[2]);
        }
        return null;
    }

    /** The text with each placeholder replaced by its value (empty when it has none). */
    public String render(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = value(m.group(1));
            String text = value instanceof Collection<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                    : value == null ? "" : value.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Null if the path can be read by a step that runs after {@code earlier}; otherwise why not. */
    static String problemWith(String path, Set<String> earlier) {
        String[] parts = path.split("\\.", 3);
        if (parts.length == 2 && parts[0].equals("incident")) {
            return INCIDENT_FIELDS.contains(parts[1]) ? null
                    : "unknown incident field '" + parts[1] + "' (" + String.join(", ", INCIDENT_FIELDS) + ")";
        }
        if (parts.length == 3 && parts[0].equals("steps")) {
            return earlier.contains(parts[1]) ? null : "'" + parts[1] + "' is not an earlier step";
        }
        return "'" + path + "' is neither incident.<field> nor steps.<step>.<output>";
    }
}
