package dev.vigil.server.detection.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Correlation windows remember events by a number; stored event ids are {@code <spool id>-<sequence>}, so the sequence
 * is that number and the ids of a window's events are rebuilt from the spool id of the event that fired.
 */
final class EventReferences {

    private EventReferences() {
    }

    /** The sequence of an event id, or -1 when the id has no numeric suffix. */
    static long sequence(String eventId) {
        int dash = eventId.lastIndexOf('-');
        try {
            return dash < 0 ? -1 : Long.parseLong(eventId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The ids of the referenced events, in the spool of {@code firing}. */
    static List<String> ids(String firing, List<Long> references) {
        int dash = firing.lastIndexOf('-');
        List<String> ids = new ArrayList<>(references.size());
        if (dash < 0) {
            return ids;
        }
        String spool = firing.substring(0, dash + 1);
        for (long reference : references) {
            if (reference >= 0) {
                ids.add(spool + reference);
            }
        }
        return ids;
    }
}
