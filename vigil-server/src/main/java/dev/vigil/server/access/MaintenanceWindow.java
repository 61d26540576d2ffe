package dev.vigil.server.access;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** A daily maintenance window in a time zone, from {@code start} (inclusive) to {@code end} (exclusive); an end before the start spans midnight. */
record MaintenanceWindow(LocalTime start, LocalTime end, ZoneId zone) {

    boolean isOpen(Instant now) {
        LocalTime local = LocalTime.ofInstant(now, zone);
        return start.isBefore(end) ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }
}
