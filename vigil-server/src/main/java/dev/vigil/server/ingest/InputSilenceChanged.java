package dev.vigil.server.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when an input that used to send has been quiet for {@code vigil.ingest.silent-after} (silent = true), and
 * again when it sends once more (silent = false). Alerting turns it into a warning.
 */
public record InputSilenceChanged(UUID inputId, String inputName, String tenant, boolean silent, Instant lastSeenAt, Instant at) {
}
