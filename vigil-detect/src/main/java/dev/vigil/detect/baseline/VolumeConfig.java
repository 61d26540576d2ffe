package dev.vigil.detect.baseline;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link VolumeDetector}. Buckets are clock hours; seasonality is the hour of the week.
 *
 * @param name           detector name carried by findings
 * @param entityFields   fields that name the entity (e.g. {@code host.name})
 * @param valueField     numeric field summed per hour (e.g. bytes sent); null counts events instead
 * @param zone           offset in which hours of the week are told apart (the entity's working hours)
 * @param weeks          history kept per hour-of-week slot, in weeks
 * @param days           history kept per hour-of-day slot, in days (used while a weekly slot has too little history,
 *                       and to learn the entity's typical active-hour volume)
 * @param warmupHours    no finding before the entity has this many closed hours (including silent ones)
 * @param minSlotHistory weekly values a slot needs before it alone is the expectation
 * @param threshold      sensitivity: an hour is anomalous when (volume - median) / scale reaches this (robust z);
 *                       lower reports more
 * @param scaleFloor     the scale is at least this fraction of the entity's median active-hour volume, so that an
 *                       entity whose usual hours are all alike (MAD 0) is not alarmed by ordinary variation
 * @param minScale       absolute lower bound of the scale (in the unit of the value)
 * @param minVolume      an hour below this volume is never reported
 * @param maxEntities    cap overall; the least recently active entity is forgotten first
 */
public record VolumeConfig(String name, List<String> entityFields, String valueField, ZoneOffset zone, int weeks,
                           int days, int warmupHours, int minSlotHistory, double threshold, double scaleFloor,
                           double minScale, double minVolume, int maxEntities) {

    public VolumeConfig {
        Objects.requireNonNull(name, "name");
        entityFields = List.copyOf(entityFields);
        if (entityFields.isEmpty()) {
            throw new IllegalArgumentException("entityFields must not be empty");
        }
        Objects.requireNonNull(zone, "zone");
        if (weeks < 1 || weeks > 52 || days < 1 || days > Math.min(7 * weeks, 120) || minSlotHistory < 1 || minSlotHistory > weeks) {
            throw new IllegalArgumentException("need 1 <= weeks <= 52, 1 <= days <= min(7 * weeks, 120), "
                    + "1 <= minSlotHistory <= weeks");
        }
        if (threshold <= 0 || scaleFloor < 0 || minScale <= 0 || warmupHours < 0 || maxEntities < 1) {
            throw new IllegalArgumentException("threshold and minScale must be positive, scaleFloor and warmupHours "
                    + "not negative, maxEntities at least 1");
        }
    }

    /**
     * Defaults: UTC, 4 weeks per weekly slot, 14 days per daily slot, 1 week of warm-up, 2 weekly values per slot,
     * threshold 6, scale floor 0.1 × the active-hour median, minimum scale 1, no minimum volume, 10,000 entities.
     */
    public static VolumeConfig of(String name, List<String> entityFields, String valueField) {
        return new VolumeConfig(name, entityFields, valueField, ZoneOffset.UTC, 4, 14, 168, 2, 6, 0.1, 1, 0, 10_000);
    }
}
