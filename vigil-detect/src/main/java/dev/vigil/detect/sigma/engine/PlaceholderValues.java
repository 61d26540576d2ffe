package dev.vigil.detect.sigma.engine;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads placeholder values for the {@code expand} modifier: a YAML map of name (without %) to a value or a list. */
public final class PlaceholderValues {

    private PlaceholderValues() {
    }

    /** @throws IOException naming the file (and line for YAML errors) */
    public static Map<String, List<String>> load(Path file) throws IOException {
        Object root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (MarkedYAMLException e) {
            throw new IOException(file + ":" + (e.getProblemMark().getLine() + 1) + ": invalid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new IOException(file + ": invalid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IOException(file + ": expected a mapping of placeholder name to values");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey()).replace("%", "");
            if (entry.getValue() instanceof List<?> list) {
                values.put(name, list.stream().map(String::valueOf).toList());
            } else if (entry.getValue() instanceof Map) {
                throw new IOException(file + ": placeholder '" + name + "' must have a value or a list of values");
            } else {
                values.put(name, List.of(String.valueOf(entry.getValue())));
            }
        }
        return values;
    }
}
