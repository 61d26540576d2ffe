package dev.vigil.server.detection.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.vigil.detect.sigma.rule.DetectionNode;
import dev.vigil.detect.sigma.rule.SigmaRule;

/** The field names a rule's detections test, in the order they appear; used to explain a match. */
final class RuleFields {

    private RuleFields() {
    }

    static Set<String> of(SigmaRule rule) {
        Set<String> fields = new LinkedHashSet<>();
        rule.detections().values().forEach(node -> collect(node, fields));
        return fields;
    }

    private static void collect(DetectionNode node, Set<String> fields) {
        switch (node) {
            case DetectionNode.AllOf all -> all.children().forEach(child -> collect(child, fields));
            case DetectionNode.AnyOf any -> any.children().forEach(child -> collect(child, fields));
            case DetectionNode.Item item -> {
                if (item.field() != null) {
                    fields.add(item.field());
                }
            }
        }
    }
}
