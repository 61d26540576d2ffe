package dev.vigil.detect.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a parsed JSON object into the flat field view rules use.
 *
 * <p>Windows events in evtx_dump nesting ({@code {"Event":{"System":{..},"EventData":{..}}}}) are flattened the way Sigma
 * names Windows fields: scalar {@code System} children keep their name, attribute children become
 * {@code <Child>_<Attribute>}, a {@code #text} becomes {@code <Child>}, {@code EventData} and {@code UserData} leaves become
 * top-level names with spaces removed. Any other JSON object is flattened to dotted names ({@code process.name}); arrays of
 * objects contribute a list value per dotted name.
 */
final class EventNormalizer {

    private static final String ATTRIBUTES = "#attributes";
    private static final String TEXT = "#text";
    /** bounds the name cache, whatever names untrusted input brings */
    private static final int MAX_CACHED_CHILDREN = 256;
    private static final int MAX_CACHED_ATTRIBUTES = 64;
    private static final Map<String, Map<String, String>> ATTRIBUTE_NAMES = new ConcurrentHashMap<>();

    private EventNormalizer() {
    }

    static JsonEvent normalize(Map<String, Object> tree) {
        return normalize(tree, null);
    }

    /** @param nonAscii the string values of {@code tree} holding non-ASCII characters; null when not known */
    static JsonEvent normalize(Map<String, Object> tree, NonAsciiStrings nonAscii) {
        // sized for a typical Windows event (30-60 fields) so it does not grow while filled
        FieldMap fields = new FieldMap(64);
        if (tree.get("Event") instanceof Map<?, ?> event && event.get("System") instanceof Map<?, ?> system) {
            flattenSystem(system, fields, nonAscii);
            if (event.get("EventData") instanceof Map<?, ?> data) {
                flattenEventData(data, fields, nonAscii);
            }
            if (event.get("UserData") instanceof Map<?, ?> userData) {
                flattenLeaves(userData, fields, nonAscii);
            }
        } else {
            Map<String, List<FieldValue>> collected = new HashMap<>();
            flattenGeneric("", tree, collected, nonAscii);
            collected.forEach((name, values) -> fields.add(name, values.size() == 1 ? values.get(0) : FieldValue.list(values)));
        }
        return new JsonEvent(fields, tree);
    }

    /** A JSON node as a field value; objects (which no rule can compare) become null. */
    static FieldValue toFieldValue(Object node) {
        return toFieldValue(node, null);
    }

    private static FieldValue toFieldValue(Object node, NonAsciiStrings nonAscii) {
        if (node instanceof List<?> list) {
            List<FieldValue> elements = new ArrayList<>(list.size());
            for (Object element : list) {
                if (!(element instanceof Map)) {
                    elements.add(toFieldValue(element, nonAscii));
                }
            }
            return FieldValue.list(elements);
        }
        if (node instanceof Map<?, ?> map) {
            return map.containsKey(TEXT) ? toFieldValue(map.get(TEXT), nonAscii) : null;
        }
        return FieldValue.scalar(node, nonAscii != null && node instanceof String s && nonAscii.isAscii(s));
    }

    private static void flattenSystem(Map<?, ?> system, FieldMap fields, NonAsciiStrings nonAscii) {
        for (Map.Entry<?, ?> child : system.entrySet()) {
            String name = String.valueOf(child.getKey());
            if (child.getValue() instanceof Map<?, ?> element) {
                if (element.get(ATTRIBUTES) instanceof Map<?, ?> attributes) {
                    for (Map.Entry<?, ?> attribute : attributes.entrySet()) {
                        fields.add(attributeName(name, String.valueOf(attribute.getKey())),
                                toFieldValue(attribute.getValue(), nonAscii));
                    }
                }
                if (element.containsKey(TEXT)) {
                    fields.add(name, toFieldValue(element.get(TEXT), nonAscii));
                }
            } else {
                fields.add(name, toFieldValue(child.getValue(), nonAscii));
            }
        }
    }

    private static void flattenEventData(Map<?, ?> data, FieldMap fields, NonAsciiStrings nonAscii) {
        for (Map.Entry<?, ?> entry : data.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (ATTRIBUTES.equals(name)) {
                continue;
            }
            if ("Data".equals(name) && isNamedDataList(entry.getValue())) {
                // <Data Name="X">v</Data> rendered as a list of {"#attributes":{"Name":..},"#text":..}
                for (Object item : (List<?>) entry.getValue()) {
                    Map<?, ?> element = (Map<?, ?>) item;
                    Object dataName = ((Map<?, ?>) element.get(ATTRIBUTES)).get("Name");
                    fields.add(withoutSpaces(String.valueOf(dataName)), toFieldValue(element.get(TEXT), nonAscii));
                }
            } else if (entry.getValue() instanceof Map<?, ?> nested && !nested.containsKey(TEXT)) {
                flattenLeaves(nested, fields, nonAscii);
            } else {
                fields.add(withoutSpaces(name), toFieldValue(entry.getValue(), nonAscii));
            }
        }
    }

    /** {@code <Child>_<Attribute>}, built once per pair: Windows events repeat the same few. */
    private static String attributeName(String child, String attribute) {
        Map<String, String> byAttribute = ATTRIBUTE_NAMES.get(child);
        String name = byAttribute == null ? null : byAttribute.get(attribute);
        if (name != null) {
            return name;
        }
        name = child + "_" + attribute;
        if (ATTRIBUTE_NAMES.size() < MAX_CACHED_CHILDREN) {
            Map<String, String> names = ATTRIBUTE_NAMES.computeIfAbsent(child, c -> new ConcurrentHashMap<>());
            if (names.size() < MAX_CACHED_ATTRIBUTES) {
                names.putIfAbsent(attribute, name);
            }
        }
        return name;
    }

    private static boolean isNamedDataList(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return false;
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> element) || !(element.get(ATTRIBUTES) instanceof Map<?, ?> attributes)
                    || !attributes.containsKey("Name")) {
                return false;
            }
        }
        return true;
    }

    private static void flattenLeaves(Map<?, ?> node, FieldMap fields, NonAsciiStrings nonAscii) {
        for (Map.Entry<?, ?> entry : node.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (ATTRIBUTES.equals(name)) {
                continue;
            }
            if (entry.getValue() instanceof Map<?, ?> nested && !nested.containsKey(TEXT)) {
                flattenLeaves(nested, fields, nonAscii);
            } else {
                fields.add(withoutSpaces(name), toFieldValue(entry.getValue(), nonAscii));
            }
        }
    }

    private static void flattenGeneric(String prefix, Map<?, ?> node, Map<String, List<FieldValue>> collected,
            NonAsciiStrings nonAscii) {
        for (Map.Entry<?, ?> entry : node.entrySet()) {
            String name = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                flattenGeneric(name + ".", nested, collected, nonAscii);
            } else if (value instanceof List<?> list && list.stream().anyMatch(Map.class::isInstance)) {
                for (Object element : list) {
                    if (element instanceof Map<?, ?> nested) {
                        flattenGeneric(name + ".", nested, collected, nonAscii);
                    } else {
                        collected.computeIfAbsent(name, k -> new ArrayList<>(1)).add(toFieldValue(element, nonAscii));
                    }
                }
            } else {
                collected.computeIfAbsent(name, k -> new ArrayList<>(1)).add(toFieldValue(value, nonAscii));
            }
        }
    }

    private static String withoutSpaces(String name) {
        return name.indexOf(' ') < 0 ? name : name.replace(" ", "");
    }
}
