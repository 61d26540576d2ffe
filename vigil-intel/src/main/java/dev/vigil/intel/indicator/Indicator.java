package dev.vigil.intel.indicator;

import java.time.Instant;
import java.util.Objects;

/**
 * One indicator of compromise: its identity and provenance plus the value as given by the feed. The matcher indexes a
 * canonical form of {@code value}; the original text is kept for display.
 *
 * @param confidence 0..100, or -1 when the feed gave none
 * @param firstSeen  may be null
 * @param lastSeen   may be null
 * @param validUntil expiry; null means it does not expire
 */
public record Indicator(String id, IndicatorType type, String value, String source, int confidence,
                        Instant firstSeen, Instant lastSeen, Instant validUntil) {

    public static final int UNKNOWN_CONFIDENCE = -1;

    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        source = source == null ? "" : source;
        if (confidence < UNKNOWN_CONFIDENCE || confidence > 100) {
            throw new IllegalArgumentException("confidence must be 0..100 (or -1 for unknown): " + confidence);
        }
    }

    /** An indicator without lifecycle dates. */
    public static Indicator of(String id, IndicatorType type, String value, String source, int confidence) {
        return new Indicator(id, type, value, source, confidence, null, null, null);
    }

    /** Whether the indicator is still live at {@code instant} (not past its expiry). */
    public boolean isActiveAt(Instant instant) {
        return validUntil == null || instant.isBefore(validUntil);
    }
}
