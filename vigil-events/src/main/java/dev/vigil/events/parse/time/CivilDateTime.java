package dev.vigil.events.parse.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Turns date and time-of-day numbers read from text into an instant, checking ranges instead of throwing. */
final class CivilDateTime {
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private CivilDateTime() {
    }

    static boolean isValid(int year, int month, int day, int hour, int minute, int second) {
        return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
                && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
    }

    static int daysIn(int year, int month) {
        if (month == 2 && isLeap(year)) {
            return 29;
        }
        return DAYS_IN_MONTH[month - 1];
    }

    private static boolean isLeap(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    /**
     * The instant, or null when a part is out of range. A leap second (60) is read as the last second of the minute.
     * With {@code offsetSeconds} null the wall-clock time is taken in {@code zone}.
     */
    static Instant instant(int year, int month, int day, int hour, int minute, int second, int nanos,
                           Integer offsetSeconds, ZoneId zone) {
        if (!isValid(year, month, day, hour, minute, second)) {
            return null;
        }
        int clampedSecond = Math.min(second, 59);
        if (offsetSeconds == null && zone instanceof ZoneOffset fixed) {
            offsetSeconds = fixed.getTotalSeconds();
        }
        if (offsetSeconds != null) {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + clampedSecond - offsetSeconds;
            return Instant.ofEpochSecond(seconds, nanos);
        }
        return LocalDateTime.of(year, month, day, hour, minute, clampedSecond, nanos).atZone(zone).toInstant();
    }
}
