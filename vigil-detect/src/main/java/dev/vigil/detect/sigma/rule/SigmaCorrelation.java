package dev.vigil.detect.sigma.rule;

import java.util.List;
import java.util.Map;

/**
 * A parsed correlation (meta) rule; evaluated over a stream of rule matches by the correlation engine.
 *
 * @param condition comparison operator (gt, gte, lt, lte, eq, neq) to value, plus {@code field} for value_* types
 * @param aliases   group-by alias to (rule id or name to the field that rule's events hold it in)
 */
public record SigmaCorrelation(String id, String name, String title, String level, String author, String type,
                               List<String> rules, List<String> groupBy, String timespan, Map<String, String> condition,
                               Map<String, Map<String, String>> aliases, boolean generate, String source, int line) {

    public SigmaCorrelation {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        condition = Map.copyOf(condition);
        aliases = Map.copyOf(aliases);
    }

    /** A short handle for messages: the id, else the name, else the title. */
    public String handle() {
        return id != null ? id : name != null ? name : title;
    }
}
