package dev.vigil.server.intel;

import java.time.Instant;

/** One stored indicator with the feed it came from. */
public record IndicatorView(String feed, String ref, String type, String value, int confidence, Instant firstSeen,
                            Instant lastSeen, Instant validUntil) {
}
