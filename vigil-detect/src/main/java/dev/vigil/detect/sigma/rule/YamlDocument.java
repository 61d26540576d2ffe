package dev.vigil.detect.sigma.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

import dev.vigil.detect.sigma.value.RawScalar;

/**
 * Reads SnakeYAML node trees (not constructed objects), so every value keeps its line and its text as written, and
 * collects problems instead of throwing at the first one.
 */
final class YamlDocument {

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(0x[0-9a-fA-F]+|0o?[0-7]+|[0-9][0-9_]*(\\.[0-9]*)?([eE][-+]?[0-9]+)?|\\.[0-9]+)");

    private final String source;
    private final List<SigmaProblem> problems;

    YamlDocument(String source, List<SigmaProblem> problems) {
        this.source = source;
        this.problems = problems;
    }

    String source() {
        return source;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    void problem(Node node, String reason) {
        problems.add(new SigmaProblem(source, node == null ? 0 : line(node), reason));
    }

    void problem(int line, String reason) {
        problems.add(new SigmaProblem(source, line, reason));
    }

    int problemCount() {
        return problems.size();
    }

    /** Keys of a mapping in order, each with its value node; duplicate keys are reported and the first one kept. */
    Map<String, Node> mapping(MappingNode node) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problem(tuple.getKeyNode(), "mapping keys must be plain strings");
                continue;
            }
            if (entries.putIfAbsent(key.getValue(), tuple.getValueNode()) != null) {
                problem(key, "duplicate key '" + key.getValue() + "'");
            }
        }
        return entries;
    }

    /** A scalar as text; reports and returns null for non-scalars. */
    String text(Node node, String what) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            RawScalar raw = raw(scalar);
            return raw.kind() == RawScalar.Kind.NULL ? null : raw.text();
        }
        problem(node, what + " must be a single value");
        return null;
    }

    /** A list of scalars (a single scalar is accepted as a one-element list). */
    List<String> texts(Node node, String what) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                String text = text(item, what + " entry");
                if (text != null) {
                    out.add(text);
                }
            }
        } else {
            String text = text(node, what);
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }

    static RawScalar raw(ScalarNode scalar) {
        String text = scalar.getValue();
        if (scalar.getScalarStyle() != ScalarStyle.PLAIN) {
            return new RawScalar(text, RawScalar.Kind.STRING);
        }
        if (NULL.matcher(text).matches()) {
            return RawScalar.ofNull();
        }
        if (BOOLEAN.matcher(text).matches()) {
            return new RawScalar(text, RawScalar.Kind.BOOLEAN);
        }
        if (NUMBER.matcher(text).matches()) {
            return new RawScalar(text, RawScalar.Kind.NUMBER);
        }
        return new RawScalar(text, RawScalar.Kind.STRING);
    }
}
