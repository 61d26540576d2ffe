package dev.vigil.server.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * Counters of one input and whether it has gone silent.
 *
 * @param events      events accepted (durably spooled)
 * @param bytes       payload bytes accepted
 * @param parseErrors events stored raw because they did not parse
 * @param dropped     events lost before acceptance (UDP while the spool was full)
 * @param lastSeenAt  when the last event arrived, or null
 * @param status      {@code never-seen}, {@code active}, {@code silent} or {@code disabled}
 * @param silentSince when the input was found silent, or null
 */
public record InputHealth(UUID inputId, String name, String tenant, long events, long bytes, long parseErrors, long dropped,
        Instant lastSeenAt, String status, Instant silentSince) {
}
