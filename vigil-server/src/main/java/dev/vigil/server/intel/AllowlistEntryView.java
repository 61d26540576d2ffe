package dev.vigil.server.intel;

import java.time.Instant;
import java.util.UUID;

/** An allowlist entry; the shipped ones have no id, creator or time. */
public record AllowlistEntryView(UUID id, String value, boolean subdomains, String note, boolean shipped, String createdBy,
                                 Instant createdAt) {
}
