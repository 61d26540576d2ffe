package dev.vigil.detect.baseline;

import java.time.Instant;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;

/**
 * What a baseline detector needs from an event: its time and the text of a field. Small on purpose, so that the events
 * of this library and those of the server's event model can both be adapted.
 */
public interface BaselineEvent {

    Instant timestamp();

    /** The field's value as text, or null when the event has no such field (or it is null or a list). */
    String field(String name);

    /** Adapts a detection event, with its time read by the caller. */
    static BaselineEvent of(Event event, Instant timestamp) {
        return new BaselineEvent() {
            @Override
            public Instant timestamp() {
                return timestamp;
            }

            @Override
            public String field(String name) {
                FieldValue value = event.field(name);
                return value == null || value.isList() ? null : value.text();
            }
        };
    }
}
