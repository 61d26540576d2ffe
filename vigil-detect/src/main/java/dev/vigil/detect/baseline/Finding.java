package dev.vigil.detect.baseline;

import java.time.Instant;

/**
 * A deviation from a learned baseline.
 *
 * @param detector    the configured detector's name
 * @param entity      the entity whose behaviour deviated, e.g. {@code user=alice}
 * @param time        time of the event that revealed it
 * @param field       the observed field (for volume: the measured field, or {@code events} for a count)
 * @param seen        what was seen, e.g. the new term or the hour's volume
 * @param expected    what the baseline expected, in words
 * @param since       since when the entity has been learned (its first event still remembered)
 * @param score       how far it deviates: robust z-score (volume), 1 - frequency (rarity), 1 (new term)
 * @param explanation one sentence a person can read
 */
public record Finding(String detector, String entity, Instant time, String field, String seen, String expected,
                      Instant since, double score, String explanation) {
}
