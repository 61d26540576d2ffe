package dev.vigil.detect.sigma.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import dev.vigil.detect.sigma.value.ModifierChain;
import dev.vigil.detect.sigma.value.RawScalar;
import dev.vigil.detect.sigma.value.SigmaValue;
import dev.vigil.detect.sigma.value.SigmaValueException;

/**
 * Builds the search tree of one detection identifier: a map is an AND of field items, a list of maps an OR, a list of
 * plain values (or a single value) a keyword search.
 */
final class DetectionParser {

    DetectionNode parse(String identifier, Node node, YamlDocument yaml) {
        return switch (node) {
            case MappingNode map -> fieldMap(map, yaml);
            case SequenceNode list -> list(identifier, list, yaml);
            case ScalarNode scalar -> {
                if (YamlDocument.raw(scalar).kind() == RawScalar.Kind.NULL) {
                    yaml.problem(scalar, "detection '" + identifier + "' is empty");
                    yield null;
                }
                yield item(null, List.of(), List.of(scalar), scalar, yaml);
            }
            default -> {
                yaml.problem(node, "detection '" + identifier + "' has an unsupported YAML form");
                yield null;
            }
        };
    }

    private DetectionNode list(String identifier, SequenceNode list, YamlDocument yaml) {
        if (list.getValue().isEmpty()) {
            yaml.problem(list, "detection '" + identifier + "' is an empty list");
            return null;
        }
        List<DetectionNode> children = new ArrayList<>();
        List<Node> keywords = new ArrayList<>();
        for (Node element : list.getValue()) {
            switch (element) {
                case MappingNode map -> {
                    DetectionNode child = fieldMap(map, yaml);
                    if (child != null) {
                        children.add(child);
                    }
                }
                case ScalarNode scalar -> keywords.add(scalar);
                default -> yaml.problem(element, "nested lists are not allowed in detection '" + identifier + "'");
            }
        }
        if (!keywords.isEmpty()) {
            DetectionNode keywordItem = item(null, List.of(), keywords, list, yaml);
            if (keywordItem != null) {
                children.add(keywordItem);
            }
        }
        return children.size() == 1 ? children.get(0) : new DetectionNode.AnyOf(children, YamlDocument.line(list));
    }

    private DetectionNode fieldMap(MappingNode map, YamlDocument yaml) {
        Map<String, Node> entries = yaml.mapping(map);
        if (entries.isEmpty()) {
            yaml.problem(map, "empty detection map");
            return null;
        }
        List<DetectionNode> items = new ArrayList<>();
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            String[] parts = entry.getKey().split("\\|", -1);
            String field = parts[0].isEmpty() ? null : parts[0];
            List<String> modifiers = Arrays.asList(parts).subList(1, parts.length);
            if (modifiers.contains("")) {
                yaml.problem(entry.getValue(), "empty modifier in '" + entry.getKey() + "'");
                continue;
            }
            Node valueNode = entry.getValue();
            List<Node> values;
            if (valueNode instanceof SequenceNode sequence) {
                values = sequence.getValue();
            } else {
                values = List.of(valueNode);
            }
            DetectionNode item = item(field, modifiers, values, valueNode, yaml);
            if (item != null) {
                items.add(item);
            }
        }
        return items.size() == 1 ? items.get(0) : new DetectionNode.AllOf(items, YamlDocument.line(map));
    }

    private DetectionNode item(String field, List<String> modifierNames, List<Node> valueNodes, Node place,
            YamlDocument yaml) {
        ModifierChain modifiers;
        try {
            modifiers = ModifierChain.parse(modifierNames);
        } catch (SigmaValueException e) {
            yaml.problem(place, e.getMessage());
            return null;
        }
        List<RawScalar> raws = new ArrayList<>();
        for (Node valueNode : valueNodes) {
            if (valueNode instanceof ScalarNode scalar) {
                raws.add(YamlDocument.raw(scalar));
            } else {
                yaml.problem(valueNode, "value of " + (field == null ? "keyword" : "'" + field + "'")
                        + " must be a single value or a list of values");
                return null;
            }
        }
        if (raws.isEmpty()) {
            // an empty list behaves like null: the field is absent
            raws.add(RawScalar.ofNull());
        }
        if (field == null && raws.stream().anyMatch(r -> r.kind() == RawScalar.Kind.NULL)) {
            yaml.problem(place, "keyword detections cannot contain null");
            return null;
        }
        List<SigmaValue> values = new ArrayList<>(raws.size());
        for (RawScalar raw : raws) {
            try {
                values.add(modifiers.apply(raw));
            } catch (SigmaValueException e) {
                yaml.problem(place, (field == null ? "keyword" : "field '" + field + "'") + ": " + e.getMessage());
                return null;
            }
        }
        return new DetectionNode.Item(field, values, modifiers.all(), modifiers.negated(), YamlDocument.line(place));
    }
}
