package dev.vigil.detect.sigma.rule;

import java.util.List;
import java.util.Map;

import dev.vigil.detect.sigma.condition.ConditionNode;

/**
 * A parsed filter (meta-filter) document; the rule set AND-s its condition to the rules it names.
 *
 * @param rules ids or names of the rules filtered, or {@code any}
 */
public record SigmaFilter(String id, String title, LogSource logsource, List<String> rules,
                          Map<String, DetectionNode> detections, ConditionNode condition, String source, int line) {

    public SigmaFilter {
        rules = List.copyOf(rules);
        detections = Map.copyOf(detections);
    }
}
