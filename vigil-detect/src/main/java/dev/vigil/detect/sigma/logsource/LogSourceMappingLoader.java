package dev.vigil.detect.sigma.logsource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads log-source mappings: a built-in one ({@link #BUILT_IN}, YAML resources), {@code none} (no scoping) or a
 * user's YAML file of the same shape (docs/DETECTION.md, "Log-source mappings").
 */
public final class LogSourceMappingLoader {

    /** The built-in mappings by name, in the order the server compiles against them. */
    public static final List<String> BUILT_IN = List.of("windows", "linux", "web", "aws", "azure", "gcp", "okta", "m365");

    private static final String RESOURCE = "/dev/vigil/detect/sigma/logsource/%s.yml";
    private static final Set<String> SERVICE_KEYS = Set.of("channels", "conditions", "present", "fieldmappings");
    private static final Set<String> CATEGORY_KEYS = Set.of("service", "conditions", "present", "fieldmappings");

    private LogSourceMappingLoader() {
    }

    /** A built-in mapping name ({@code windows}, {@code none}) or the path of a mapping file. */
    public static LogSourceMapping load(String nameOrFile) throws MappingException {
        if ("none".equals(nameOrFile)) {
            return LogSourceMapping.none();
        }
        if (nameOrFile.matches("[a-z0-9_-]+")) {
            try (InputStream in = LogSourceMappingLoader.class.getResourceAsStream(RESOURCE.formatted(nameOrFile))) {
                if (in != null) {
                    return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in mapping " + nameOrFile);
                }
            } catch (IOException e) {
                throw new MappingException("built-in mapping " + nameOrFile + ": " + e.getMessage());
            }
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new MappingException(nameOrFile + ": no such mapping file (built-in mappings: "
                    + String.join(", ", BUILT_IN) + ", none)");
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new MappingException(file + ": cannot read: " + e.getMessage());
        }
    }

    public static LogSourceMapping windows() {
        try {
            return load("windows");
        } catch (MappingException e) {
            throw new IllegalStateException("built-in windows mapping is broken: " + e.getMessage(), e);
        }
    }

    static LogSourceMapping parse(Reader reader, String source) throws MappingException {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (MarkedYAMLException e) {
            throw new MappingException(source + ":" + (e.getProblemMark().getLine() + 1) + ": invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new MappingException(source + ": invalid YAML: " + e.getMessage());
        }
        Map<?, ?> top = map(root, source, "top level");
        Map<?, ?> routing = map(top.get("routing"), source, "routing");
        Map<String, LogSourceMapping.Service> services = new LinkedHashMap<>();
        if (top.get("services") != null) {
            for (Map.Entry<?, ?> entry : map(top.get("services"), source, "services").entrySet()) {
                String service = String.valueOf(entry.getKey());
                services.put(service, service(entry.getValue(), source, "services." + service));
            }
        }
        Map<String, List<LogSourceMapping.CategorySource>> categories = new LinkedHashMap<>();
        if (top.get("categories") != null) {
            for (Map.Entry<?, ?> entry : map(top.get("categories"), source, "categories").entrySet()) {
                String category = String.valueOf(entry.getKey());
                if (!(entry.getValue() instanceof List<?> list)) {
                    throw new MappingException(source + ": categories." + category + " must be a list of sources");
                }
                List<LogSourceMapping.CategorySource> sources = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    String place = "categories." + category + "[" + i + "]";
                    Map<?, ?> item = map(list.get(i), source, place);
                    knownKeys(item, CATEGORY_KEYS, source, place);
                    String service = item.get("service") == null ? null : String.valueOf(item.get("service"));
                    if (service == null || !services.containsKey(service)) {
                        throw new MappingException(source + ": " + place + ": unknown service '" + service + "'");
                    }
                    sources.add(new LogSourceMapping.CategorySource(service, conditions(item, source, place),
                            present(item), fieldMappings(item, source, place)));
                }
                categories.put(category, sources);
            }
        }
        Object channel = routing.get("channel");
        if (channel == null) {
            throw new MappingException(source + ": routing.channel is required");
        }
        Object eventId = routing.get("event_id");
        List<String> productChannels = routing.get("product_channels") == null ? null : strings(routing.get("product_channels"));
        return new LogSourceMapping(top.get("name") == null ? source : String.valueOf(top.get("name")),
                top.get("product") == null ? null : String.valueOf(top.get("product")), String.valueOf(channel),
                eventId == null ? null : String.valueOf(eventId), services, categories, productChannels);
    }

    /** A service: a list of channels, or a map with {@code channels} and optional conditions, present, fieldmappings. */
    private static LogSourceMapping.Service service(Object node, String source, String place) throws MappingException {
        if (!(node instanceof Map<?, ?> item)) {
            return LogSourceMapping.Service.of(strings(node));
        }
        knownKeys(item, SERVICE_KEYS, source, place);
        if (item.get("channels") == null) {
            throw new MappingException(source + ": " + place + ".channels is required");
        }
        return new LogSourceMapping.Service(strings(item.get("channels")), conditions(item, source, place), present(item),
                fieldMappings(item, source, place));
    }

    private static void knownKeys(Map<?, ?> item, Set<String> known, String source, String place) throws MappingException {
        for (Object key : item.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new MappingException(source + ": " + place + ": unknown key '" + key + "' (expected one of "
                        + new TreeSet<>(known) + ")");
            }
        }
    }

    private static Map<String, Set<String>> conditions(Map<?, ?> item, String source, String place) throws MappingException {
        Map<String, Set<String>> conditions = new LinkedHashMap<>();
        if (item.get("conditions") != null) {
            map(item.get("conditions"), source, place + ".conditions").forEach((field, values) ->
                    conditions.put(String.valueOf(field), new LinkedHashSet<>(strings(values))));
        }
        return conditions;
    }

    private static Set<String> present(Map<?, ?> item) {
        return item.get("present") == null ? Set.of() : new LinkedHashSet<>(strings(item.get("present")));
    }

    private static Map<String, String> fieldMappings(Map<?, ?> item, String source, String place) throws MappingException {
        Map<String, String> renames = new LinkedHashMap<>();
        if (item.get("fieldmappings") != null) {
            map(item.get("fieldmappings"), source, place + ".fieldmappings").forEach((from, to) ->
                    renames.put(String.valueOf(from), String.valueOf(to)));
        }
        return renames;
    }

    private static Map<?, ?> map(Object node, String source, String place) throws MappingException {
        if (node instanceof Map<?, ?> map) {
            return map;
        }
        throw new MappingException(source + ": " + place + " must be a mapping");
    }

    private static List<String> strings(Object node) {
        if (node instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(node));
    }
}
