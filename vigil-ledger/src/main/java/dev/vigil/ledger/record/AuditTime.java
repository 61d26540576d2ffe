package dev.vigil.ledger.record;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** The one accepted time form: RFC 3339 in UTC with exactly six fraction digits, {@code 2026-01-31T23:59:59.000001Z}. */
public final class AuditTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
    private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private AuditTime() {
    }

    public static String format(Instant time) {
        if (time.isBefore(MIN) || time.isAfter(MAX)) {
            throw new IllegalArgumentException("time " + time + " is outside years 0000..9999");
        }
        return FORMAT.format(time);
    }

    /** True when {@code text} is a valid time in the one accepted form; cheaper than {@link #parse}. */
    public static boolean isValid(String text) {
        if (text.length() != 27 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.'
                || text.charAt(26) != 'Z') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22, 23, 24, 25}) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int year = Integer.parseInt(text, 0, 4, 10);
        int month = Integer.parseInt(text, 5, 7, 10);
        int day = Integer.parseInt(text, 8, 10, 10);
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()
                && Integer.parseInt(text, 11, 13, 10) < 24 && Integer.parseInt(text, 14, 16, 10) < 60
                && Integer.parseInt(text, 17, 19, 10) < 60;
    }

    public static Instant parse(String text) {
        if (!SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("time \"" + text + "\" is not of the form YYYY-MM-DDTHH:MM:SS.ffffffZ");
        }
        try {
            return FORMAT.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time \"" + text + "\" is not a valid date and time");
        }
    }
}
