package dev.vigil.server.ingest;

import java.util.List;

import dev.vigil.events.Event;

/**
 * The detect stage of the event path: every bean of this type sees each batch of parsed, normalized and enriched
 * events before they are stored. Batches can be seen again after a crash (same event ids), so an inspector that
 * raises alerts must key them by event id. An inspector that throws does not stop the path: the failure is logged and
 * counted, and the events are stored.
 */
public interface EventInspector {

    String name();

    void inspect(List<Event> events);
}
