package dev.vigil.detect.baseline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link RarityDetector}.
 *
 * @param name               detector name carried by findings
 * @param entityFields       fields that name the entity
 * @param valueField         the field whose values' frequencies are learned per entity
 * @param transform          how the field value becomes a term
 * @param halfLife           an event's weight in the history halves after this long, so old habits fade
 * @param warmupEvents       no finding for an entity with fewer events than this
 * @param threshold          sensitivity: a value is rare when its share of the entity's (weighted) history is below
 *                           this, e.g. 0.02; higher reports more
 * @param maxValuesPerEntity cap per entity; the value with the least weight is forgotten first
 * @param maxEntities        cap overall; the least recently active entity is forgotten first
 */
public record RarityConfig(String name, List<String> entityFields, String valueField, TermTransform transform,
                           Duration halfLife, int warmupEvents, double threshold, int maxValuesPerEntity,
                           int maxEntities) {

    public RarityConfig {
        Objects.requireNonNull(name, "name");
        entityFields = List.copyOf(entityFields);
        if (entityFields.isEmpty()) {
            throw new IllegalArgumentException("entityFields must not be empty");
        }
        Objects.requireNonNull(valueField, "valueField");
        Objects.requireNonNull(transform, "transform");
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife must be positive");
        }
        if (threshold <= 0 || threshold >= 1 || warmupEvents < 1 || maxValuesPerEntity < 1 || maxEntities < 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1), warmupEvents and caps at least 1");
        }
    }

    /** Defaults: 14 days half-life, 20 events of warm-up, threshold 0.02, 128 values, 100,000 entities. */
    public static RarityConfig of(String name, List<String> entityFields, String valueField, TermTransform transform) {
        return new RarityConfig(name, entityFields, valueField, transform, Duration.ofDays(14), 20, 0.02, 128, 100_000);
    }
}
