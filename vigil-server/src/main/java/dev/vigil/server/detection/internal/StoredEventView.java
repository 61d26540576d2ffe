package dev.vigil.server.detection.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;

/**
 * A pipeline event as the Sigma engine sees it: fields by the names the store keeps (original names and normalized
 * names side by side), converted to the engine's values once per field on first use.
 */
final class StoredEventView implements Event {

    private final dev.vigil.events.Event event;
    private final Map<String, FieldValue> converted = new HashMap<>();
    private Map<String, FieldValue> all;

    StoredEventView(dev.vigil.events.Event event) {
        this.event = event;
    }

    dev.vigil.events.Event event() {
        return event;
    }

    @Override
    public FieldValue field(String name) {
        FieldValue value = converted.get(name);
        if (value == null) {
            Object raw = event.fields().get(name);
            if (raw == null) {
                return null;
            }
            value = convert(raw);
            converted.put(name, value);
        }
        return value;
    }

    @Override
    public Map<String, FieldValue> fields() {
        if (all == null) {
            Map<String, FieldValue> map = new LinkedHashMap<>();
            for (String name : event.fields().keySet()) {
                map.put(name, field(name));
            }
            all = map;
        }
        return all;
    }

    /** The field's value as text (lists joined by commas), or null. */
    String text(String name) {
        Object raw = event.fields().get(name);
        if (raw instanceof List<?> list) {
            return list.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(null);
        }
        return raw == null ? null : raw.toString();
    }

    private static FieldValue convert(Object raw) {
        if (raw instanceof List<?> list) {
            List<FieldValue> elements = new ArrayList<>(list.size());
            for (Object element : list) {
                elements.add(convert(element));
            }
            return FieldValue.list(elements);
        }
        return FieldValue.scalar(raw);
    }
}
