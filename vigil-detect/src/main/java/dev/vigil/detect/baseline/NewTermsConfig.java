package dev.vigil.detect.baseline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link NewTermsDetector}.
 *
 * @param name              detector name carried by findings
 * @param entityFields      fields that name the entity (e.g. {@code user.name})
 * @param termField         the field whose first value per entity is reported (e.g. {@code source.ip})
 * @param transform         how the field value becomes a term (e.g. its /24 network)
 * @param lookback          a term not seen for this long is forgotten, so it counts as new again
 * @param warmup            no finding for an entity learned for less than this long ...
 * @param warmupEvents      ... or seen fewer times than this
 * @param maxNoveltyRate    sensitivity: a new term is reported only while at most this share of the entity's events
 *                          brought a new term (an entity that changes terms all the time is not alarming); 1 reports all
 * @param maxTermsPerEntity cap per entity; the least recently seen term is forgotten first
 * @param maxEntities       cap overall; the least recently active entity is forgotten first
 */
public record NewTermsConfig(String name, List<String> entityFields, String termField, TermTransform transform,
                             Duration lookback, Duration warmup, int warmupEvents, double maxNoveltyRate,
                             int maxTermsPerEntity, int maxEntities) {

    public NewTermsConfig {
        Objects.requireNonNull(name, "name");
        entityFields = List.copyOf(entityFields);
        if (entityFields.isEmpty()) {
            throw new IllegalArgumentException("entityFields must not be empty");
        }
        Objects.requireNonNull(termField, "termField");
        Objects.requireNonNull(transform, "transform");
        if (lookback.isNegative() || lookback.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("lookback must be positive and warmup not negative");
        }
        if (maxNoveltyRate < 0 || maxNoveltyRate > 1 || warmupEvents < 0 || maxTermsPerEntity < 1 || maxEntities < 1) {
            throw new IllegalArgumentException("maxNoveltyRate must be in [0, 1], caps at least 1, warmupEvents >= 0");
        }
    }

    /** Defaults: 30 days look-back, 7 days and 10 events of warm-up, novelty rate 0.2, 256 terms, 100,000 entities. */
    public static NewTermsConfig of(String name, List<String> entityFields, String termField, TermTransform transform) {
        return new NewTermsConfig(name, entityFields, termField, transform, Duration.ofDays(30), Duration.ofDays(7), 10,
                0.2, 256, 100_000);
    }
}
