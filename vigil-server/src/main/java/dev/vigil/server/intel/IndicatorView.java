package dev.vigil.server.intel;

import java.time.Instant;

/**
 * One stored indicator with the feed it came from and the description the feed gave; {@code verdict} is an analyst's
 * {@code false-positive} or {@code revoked} on its value (then it is not matched), or null; {@code sightings} how many
 * events it matched, the last at {@code lastSighted} (null when never).
 */
public record IndicatorView(String feed, String ref, String type, String value, int confidence, Instant firstSeen,
                            Instant lastSeen, Instant validUntil, String description, String verdict, long sightings,
                            Instant lastSighted) {
}
