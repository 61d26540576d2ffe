package dev.vigil.events.parse.time;

import java.time.Instant;

/**
 * Numbers as points in time since 1970. The unit is guessed from the magnitude: below 10^11 seconds (until the year
 * 5138), below 10^14 milliseconds, below 10^17 microseconds, else nanoseconds.
 */
public final class EpochTimestamps {
    private static final double SECONDS_LIMIT = 1e11;
    private static final double MILLIS_LIMIT = 1e14;
    private static final double MICROS_LIMIT = 1e17;

    private EpochTimestamps() {
    }

    /** The instant for a Long or Double, or null for anything else (negative, not finite, not a number). */
    public static Instant fromNumber(Object value) {
        if (value instanceof Long number) {
            return fromLong(number);
        }
        if (value instanceof Double number) {
            return fromDouble(number);
        }
        return null;
    }

    public static Instant fromLong(long value) {
        if (value < 0) {
            return null;
        }
        if (value < SECONDS_LIMIT) {
            return Instant.ofEpochSecond(value);
        }
        if (value < MILLIS_LIMIT) {
            return Instant.ofEpochMilli(value);
        }
        if (value < MICROS_LIMIT) {
            return Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1_000);
        }
        return Instant.ofEpochSecond(value / 1_000_000_000, value % 1_000_000_000);
    }

    static Instant fromDouble(double value) {
        if (!Double.isFinite(value) || value < 0 || value >= Long.MAX_VALUE) {
            return null;
        }
        if (value < SECONDS_LIMIT) {
            long seconds = (long) value;
            return Instant.ofEpochSecond(seconds, Math.round((value - seconds) * 1e9) % 1_000_000_000);
        }
        return fromLong((long) value);
    }
}
