package dev.vigil.detect.event;

import java.util.Collections;
import java.util.Map;

/**
 * An event parsed from JSON. Fields are held flattened under their Sigma names; a dotted name that is not a flattened
 * field is looked up as a path in the original JSON tree, so {@code Event.EventData.Image} finds the same value as
 * {@code Image}.
 */
public final class JsonEvent implements Event {

    private final FieldMap fields;
    private final Map<String, Object> tree;

    JsonEvent(FieldMap fields, Map<String, Object> tree) {
        this.fields = fields;
        this.tree = tree;
    }

    /** An event from already flat fields (JSON-like values: String, Number, Boolean, null, List). */
    public static JsonEvent ofFlat(Map<String, ?> flat) {
        return EventNormalizer.normalize(Collections.unmodifiableMap(flat));
    }

    @Override
    public FieldValue field(String name) {
        FieldValue value = fields.get(name);
        if (value == null && name.indexOf('.') > 0) {
            return pathValue(name);
        }
        return value;
    }

    @Override
    public Map<String, FieldValue> fields() {
        return fields;
    }

    private FieldValue pathValue(String dotted) {
        Object node = tree;
        for (String part : dotted.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return null;
            }
            node = map.get(part);
        }
        return EventNormalizer.toFieldValue(node);
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
