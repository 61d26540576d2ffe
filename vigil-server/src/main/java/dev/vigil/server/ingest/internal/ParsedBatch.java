package dev.vigil.server.ingest.internal;

import java.util.List;

import dev.vigil.events.Event;

/**
 * Events read from the spool and parsed, normalized and enriched, waiting to be inspected and stored.
 *
 * @param events        in spool order
 * @param firstSequence the spool sequence of the first event
 * @param lastSequence  the spool sequence of the last event: where processing stands once the batch is stored
 */
record ParsedBatch(List<Event> events, long firstSequence, long lastSequence) {

    ParsedBatch {
        events = List.copyOf(events);
    }
}
