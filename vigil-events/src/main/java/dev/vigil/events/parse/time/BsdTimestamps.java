package dev.vigil.events.parse.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * BSD syslog timestamps: {@code Mmm dd hh:mm:ss}, the day padded with a space or a zero, optionally with a year after
 * the day ({@code Mar 27 2026 13:06:56}, as CEF and some devices write it) and a fraction of the second.
 *
 * <p>Without a year, the year is chosen so that the time lies no more than {@link #MAX_FUTURE} after the time the
 * event was received: December lines received in January belong to the previous year, and a small clock skew across
 * New Year does not throw a line a whole year back.
 */
public final class BsdTimestamps {
    static final Duration MAX_FUTURE = Duration.ofDays(31);
    /** Far enough back to reach a leap year when the line says 29 February. */
    private static final int MAX_YEARS_BACK = 8;

    private BsdTimestamps() {
    }

    public static TimestampMatch parseAt(CharSequence text, int at, Instant receivedAt, ZoneId zone) {
        int month = MonthNames.read(text, at);
        if (month == 0 || !IsoTimestamps.charIs(text, at + 3, ' ')) {
            return null;
        }
        int i = at + 4;
        if (IsoTimestamps.charIs(text, i, ' ')) {
            i++;
        }
        int dayStart = i;
        while (Digits.isDigitAt(text, i) && i - dayStart < 2) {
            i++;
        }
        int day = Digits.read(text, dayStart, i - dayStart);
        if (i == dayStart || day < 1 || !IsoTimestamps.charIs(text, i, ' ')) {
            return null;
        }
        i++;
        int year = -1;
        if (Digits.read(text, i, 4) >= 0 && IsoTimestamps.charIs(text, i + 4, ' ')) {
            year = Digits.read(text, i, 4);
            i += 5;
        }
        int hour = Digits.read(text, i, 2);
        int minute = Digits.read(text, i + 3, 2);
        int second = Digits.read(text, i + 6, 2);
        if (hour < 0 || minute < 0 || second < 0 || !IsoTimestamps.charIs(text, i + 2, ':')
                || !IsoTimestamps.charIs(text, i + 5, ':')) {
            return null;
        }
        i += 8;
        int nanos = 0;
        if (IsoTimestamps.charIs(text, i, '.') && Digits.isDigitAt(text, i + 1)) {
            FractionOfSecond fraction = FractionOfSecond.read(text, i + 1);
            if (fraction == null) {
                return null;
            }
            nanos = fraction.nanos();
            i = fraction.end();
        }
        Instant instant = year > 0
                ? CivilDateTime.instant(year, month, day, hour, minute, second, nanos, null, zone)
                : inferYear(month, day, hour, minute, second, nanos, receivedAt, zone);
        return instant == null ? null : new TimestampMatch(instant, i);
    }

    private static Instant inferYear(int month, int day, int hour, int minute, int second, int nanos,
                                     Instant receivedAt, ZoneId zone) {
        Instant latest = receivedAt.plus(MAX_FUTURE);
        int receivedYear = receivedAt.atZone(zone).getYear();
        for (int year = receivedYear + 1; year >= receivedYear - MAX_YEARS_BACK; year--) {
            Instant candidate = CivilDateTime.instant(year, month, day, hour, minute, second, nanos, null, zone);
            if (candidate != null && !candidate.isAfter(latest)) {
                return candidate;
            }
        }
        return null;
    }
}
