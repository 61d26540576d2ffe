package dev.vigil.monitor.yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file read as a node tree so that every error can name the file, line and column. Scalars stay strings
 * (the caller decides how to read numbers and durations, as Prometheus does).
 */
public final class YamlTree {

    private final String file;

    private YamlTree(String file) {
        this.file = file;
    }

    /** Reads a file; an empty document yields null. */
    public static Located read(Path path) {
        YamlTree tree = new YamlTree(path.toString());
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Node root = new Yaml(new SafeConstructor(options())).compose(reader);
            return root == null ? null : new Located(tree, root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new YamlException(tree.where(mark) + "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new YamlException(path + ": invalid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new YamlException(path + ": cannot read file: " + e.getMessage());
        }
    }

    /** Reads a document given as text; {@code name} stands for the file in messages. An empty document yields null. */
    public static Located parse(String text, String name) {
        YamlTree tree = new YamlTree(name);
        try {
            Node root = new Yaml(new SafeConstructor(options())).compose(new java.io.StringReader(text));
            return root == null ? null : new Located(tree, root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new YamlException(tree.where(mark) + "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new YamlException(name + ": invalid YAML: " + e.getMessage());
        }
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(16 * 1024 * 1024);
        return options;
    }

    private String where(Mark mark) {
        return mark == null ? file + ": " : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": ";
    }

    /** A node together with its file, with typed accessors that fail with located messages. */
    public record Located(YamlTree tree, Node node) {

        public String where() {
            return tree.where(node.getStartMark());
        }

        public YamlException error(String problem) {
            return new YamlException(where() + problem);
        }

        public boolean isNull() {
            return node instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
        }

        public String string() {
            if (node instanceof ScalarNode s && !isNull()) {
                return s.getValue();
            }
            throw error("expected a single value, got " + kind());
        }

        public List<Located> list() {
            if (isNull()) {
                return List.of();
            }
            if (node instanceof SequenceNode s) {
                List<Located> out = new ArrayList<>();
                for (Node child : s.getValue()) {
                    out.add(new Located(tree, child));
                }
                return out;
            }
            throw error("expected a list, got " + kind());
        }

        /** The mapping's entries in file order; rejects duplicate keys and keys outside {@code allowed} (if non-null). */
        public Map<String, Located> map(Set<String> allowed) {
            if (isNull()) {
                return Map.of();
            }
            if (!(node instanceof MappingNode m)) {
                throw error("expected a mapping, got " + kind());
            }
            Map<String, Located> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                Located key = new Located(tree, t.getKeyNode());
                String name = key.string();
                if (allowed != null && !allowed.contains(name)) {
                    throw key.error("field " + name + " not found; expected one of " + String.join(", ", sorted(allowed)));
                }
                if (out.put(name, new Located(tree, t.getValueNode())) != null) {
                    throw key.error("duplicate key " + name);
                }
            }
            return out;
        }

        /** A string-to-string mapping such as labels or annotations. */
        public Map<String, String> stringMap() {
            Map<String, String> out = new LinkedHashMap<>();
            map(null).forEach((k, v) -> out.put(k, v.isNull() ? "" : v.string()));
            return out;
        }

        private String kind() {
            return switch (node) {
                case MappingNode m -> "a mapping";
                case SequenceNode s -> "a list";
                default -> isNull() ? "nothing" : "\"" + ((ScalarNode) node).getValue() + "\"";
            };
        }

        private static List<String> sorted(Set<String> names) {
            List<String> list = new ArrayList<>(names);
            list.sort(null);
            return list;
        }
    }
}
