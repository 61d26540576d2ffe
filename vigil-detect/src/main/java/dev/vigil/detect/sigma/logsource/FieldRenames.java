package dev.vigil.detect.sigma.logsource;

import java.util.Map;

import dev.vigil.detect.event.Event;

/** Applies a source's field mappings to an event. */
public final class FieldRenames {

    private FieldRenames() {
    }

    /** The event as rules of a source with these renames (rule field -> event field) see it. */
    public static Event view(Event event, Map<String, String> renames) {
        return renames.isEmpty() ? event : new MappedEvent(event, renames);
    }
}
