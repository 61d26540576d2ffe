package dev.vigil.detect.sigma.rule;

import java.util.List;
import java.util.Map;

import dev.vigil.detect.sigma.condition.ConditionNode;

/**
 * A parsed Sigma detection rule. {@code detections} maps each search identifier to its tree; {@code condition} is the
 * parsed condition (a list of conditions is already OR-linked) with {@code x of} quantifiers resolved.
 */
public record SigmaRule(String id, String name, String title, String status, String description, String author,
                        String level, List<String> tags, List<String> references, List<String> falsePositives,
                        String date, String modified, LogSource logsource, Map<String, DetectionNode> detections,
                        ConditionNode condition, String source, int line) {

    public SigmaRule {
        tags = List.copyOf(tags);
        references = List.copyOf(references);
        falsePositives = List.copyOf(falsePositives);
        detections = Map.copyOf(detections);
    }

    /** A short handle for messages: the id, else the title. */
    public String handle() {
        return id != null ? id : title;
    }
}
