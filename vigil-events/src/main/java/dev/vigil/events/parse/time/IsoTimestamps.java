package dev.vigil.events.parse.time;

import java.time.Instant;
import java.time.ZoneId;

/**
 * ISO-8601 / RFC 3339 date-times: {@code 2026-11-29T10:00:00.123456+00:00}, also with a space for the {@code T}, a
 * comma for the point, an offset without colon ({@code +0000}, as Suricata writes it) or no offset at all (then
 * {@code zone} applies). Seconds may be absent. Fractions are kept to the nanosecond.
 */
public final class IsoTimestamps {
    private IsoTimestamps() {
    }

    /** The whole of {@code text} (surrounding spaces allowed) as a timestamp, or null. */
    public static Instant parse(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        TimestampMatch match = parseAt(trimmed, 0, zone);
        return match != null && match.end() == trimmed.length() ? match.instant() : null;
    }

    /** A timestamp starting at {@code at}, or null; the text may go on after it. */
    public static TimestampMatch parseAt(CharSequence text, int at, ZoneId zone) {
        int year = Digits.read(text, at, 4);
        if (year < 0 || !charIs(text, at + 4, '-')) {
            return null;
        }
        int month = Digits.read(text, at + 5, 2);
        int day = Digits.read(text, at + 8, 2);
        if (month < 0 || !charIs(text, at + 7, '-') || day < 0 || !isTimeSeparator(text, at + 10)) {
            return null;
        }
        int hour = Digits.read(text, at + 11, 2);
        int minute = Digits.read(text, at + 14, 2);
        if (hour < 0 || !charIs(text, at + 13, ':') || minute < 0) {
            return null;
        }
        int i = at + 16;
        int second = 0;
        int nanos = 0;
        if (charIs(text, i, ':')) {
            second = Digits.read(text, i + 1, 2);
            if (second < 0) {
                return null;
            }
            i += 3;
            if (charIs(text, i, '.') || charIs(text, i, ',')) {
                FractionOfSecond fraction = FractionOfSecond.read(text, i + 1);
                if (fraction == null) {
                    return null;
                }
                nanos = fraction.nanos();
                i = fraction.end();
            }
        }
        Integer offsetSeconds = null;
        if (charIs(text, i, 'Z') || charIs(text, i, 'z')) {
            offsetSeconds = 0;
            i++;
        } else if (charIs(text, i, '+') || charIs(text, i, '-')) {
            int sign = text.charAt(i) == '-' ? -1 : 1;
            int offsetHours = Digits.read(text, i + 1, 2);
            if (offsetHours < 0 || offsetHours > 18) {
                return null;
            }
            i += 3;
            int offsetMinutes = 0;
            int minutesAt = charIs(text, i, ':') ? i + 1 : i;
            if (Digits.isDigitAt(text, minutesAt)) {
                offsetMinutes = Digits.read(text, minutesAt, 2);
                if (offsetMinutes < 0 || offsetMinutes > 59) {
                    return null;
                }
                i = minutesAt + 2;
            }
            offsetSeconds = sign * (offsetHours * 3_600 + offsetMinutes * 60);
        }
        Instant instant = CivilDateTime.instant(year, month, day, hour, minute, second, nanos, offsetSeconds, zone);
        return instant == null ? null : new TimestampMatch(instant, i);
    }

    private static boolean isTimeSeparator(CharSequence text, int at) {
        return charIs(text, at, 'T') || charIs(text, at, 't') || charIs(text, at, ' ');
    }

    static boolean charIs(CharSequence text, int at, char expected) {
        return at < text.length() && text.charAt(at) == expected;
    }
}
