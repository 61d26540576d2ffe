package dev.vigil.server.detection.internal;

import dev.vigil.events.Event;

/** Stored events as the rule engine sees them. */
public final class StoredEvents {

    private StoredEvents() {
    }

    public static dev.vigil.detect.event.Event view(Event event) {
        return new StoredEventView(event);
    }
}
