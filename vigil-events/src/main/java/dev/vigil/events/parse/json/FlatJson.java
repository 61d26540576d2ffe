package dev.vigil.events.parse.json;

import java.util.Map;

import dev.vigil.events.parse.draft.EventFields;

/**
 * A JSON object flattened to dotted names ({@code {"host":{"name":"a"}}} is {@code host.name = "a"}); values obey
 * the event value-type rule.
 *
 * @param values    the flattened fields in document order
 * @param truncated whether bounds (depth, field count, list length) dropped part of the document
 * @param error     why the text is not a complete JSON object, or null
 */
public record FlatJson(Map<String, Object> values, boolean truncated, String error) {
    /** Event time is carried by the event itself, never as a field. */
    public static final String TIMESTAMP_FIELD = "@timestamp";

    public Object get(String name) {
        return values.get(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A scalar value as text; null when absent or a list. */
    public String text(String name) {
        return EventFields.scalarText(values.get(name));
    }

    /** Copies every field but {@value #TIMESTAMP_FIELD} under its own name. */
    public void copyTo(EventFields fields) {
        for (Map.Entry<String, Object> field : values.entrySet()) {
            if (!TIMESTAMP_FIELD.equals(field.getKey())) {
                fields.putOriginal(field.getKey(), field.getValue());
            }
        }
    }
}
