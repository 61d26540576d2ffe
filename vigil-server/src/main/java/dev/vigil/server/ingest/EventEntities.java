package dev.vigil.server.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.events.Event;

/** Whom and what an event concerns: the host, user and addresses that alerts and hunts name it by. */
public final class EventEntities {

    public static final List<String> FIELDS = List.of("host.name", "user.name", "source.ip", "destination.ip");

    private EventEntities() {
    }

    /** The entity fields the event has, as text, in the order of {@link #FIELDS}. */
    public static Map<String, String> of(Event event) {
        Map<String, String> entities = new LinkedHashMap<>();
        for (String field : FIELDS) {
            Object value = event.fields().get(field);
            if (value != null && !(value instanceof List<?>) && !value.toString().isEmpty()) {
                entities.put(field, value.toString());
            }
        }
        return entities;
    }
}
