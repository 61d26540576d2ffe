package dev.vigil.events.parse.time;

import java.time.Instant;

/** The access-log time {@code 10/Oct/2000:13:55:36 -0700}; it always carries its offset. */
public final class CommonLogTimestamps {
    private static final int LENGTH = "10/Oct/2000:13:55:36 -0700".length();

    private CommonLogTimestamps() {
    }

    /** The whole of {@code text} as an access-log time, or null. */
    public static TimestampMatch parse(String text) {
        if (text.length() != LENGTH || text.charAt(2) != '/' || text.charAt(6) != '/' || text.charAt(11) != ':'
                || text.charAt(14) != ':' || text.charAt(17) != ':' || text.charAt(20) != ' ') {
            return null;
        }
        char sign = text.charAt(21);
        int offsetHours = Digits.read(text, 22, 2);
        int offsetMinutes = Digits.read(text, 24, 2);
        if (sign != '+' && sign != '-' || offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0
                || offsetMinutes > 59) {
            return null;
        }
        int offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3_600 + offsetMinutes * 60);
        int year = Digits.read(text, 7, 4);
        int month = MonthNames.read(text, 3);
        int day = Digits.read(text, 0, 2);
        Instant instant = CivilDateTime.instant(year, month, day, Digits.read(text, 12, 2), Digits.read(text, 15, 2),
                Digits.read(text, 18, 2), 0, offsetSeconds, null);
        return instant == null ? null : new TimestampMatch(instant, LENGTH);
    }
}
