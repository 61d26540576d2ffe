package dev.vigil.eventstore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.events.Event;

/** Builds events for tests: an id, a time, a tenant and fields given as name/value pairs. */
final class TestEvents {
    static final String INPUT = "input-1";

    private TestEvents() {
    }

    static Event event(String id, String timestamp, String tenant, Object... namesAndValues) {
        return event(id, Instant.parse(timestamp), tenant, namesAndValues);
    }

    static Event event(String id, Instant timestamp, String tenant, Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        String original = fields.getOrDefault("message", "event " + id).toString();
        return new Event(id, timestamp, timestamp.plusMillis(5), tenant, INPUT, fields, original, List.of());
    }
}
