package dev.vigil.intel.stix.pattern;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The timestamp literal form of STIX 2.1 patterning: {@code t'YYYY-MM-DDTHH:MM:SS[.s+]Z'} with month 01-12, day
 * 01-31, hour 00-23, minute 00-59 and second 00-60 (leap second). Like the OASIS grammar it checks field ranges, not
 * the calendar: {@code 2023-02-29} is syntactically valid and simply has no instant.
 */
final class TimestampSyntax {

    private TimestampSyntax() {
    }

    /** End (exclusive, after the closing quote) of a timestamp body starting at the opening quote, or -1. */
    static int literalEnd(String input, int quote) {
        int end = bodyEnd(input, quote + 1);
        return end >= 0 && end < input.length() && input.charAt(end) == '\'' ? end + 1 : -1;
    }

    /** Whether {@code text} is exactly a timestamp body (without {@code t'...'}). */
    static boolean isValidBody(String text) {
        return bodyEnd(text, 0) == text.length();
    }

    /** The instant a valid body denotes, or null when the date does not exist (Feb 30) or is a leap second. */
    static Instant toInstant(String body) {
        try {
            return LocalDateTime.parse(body.substring(0, body.length() - 1)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int bodyEnd(String s, int i) {
        if (!digits(s, i, 4) || !is(s, i + 4, '-')) {
            return -1;
        }
        int month = number(s, i + 5);
        int day = is(s, i + 7, '-') ? number(s, i + 8) : -1;
        if (month < 1 || month > 12 || day < 1 || day > 31 || !is(s, i + 10, 'T')) {
            return -1;
        }
        int hour = number(s, i + 11);
        int minute = is(s, i + 13, ':') ? number(s, i + 14) : -1;
        int second = is(s, i + 16, ':') ? number(s, i + 17) : -1;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return -1;
        }
        int j = i + 19;
        if (is(s, j, '.')) {
            int digitsStart = ++j;
            while (j < s.length() && PatternLexer.isDigit(s.charAt(j))) {
                j++;
            }
            if (j == digitsStart) {
                return -1;
            }
        }
        return is(s, j, 'Z') ? j + 1 : -1;
    }

    private static boolean is(String s, int index, char expected) {
        return index < s.length() && s.charAt(index) == expected;
    }

    private static boolean digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (!PatternLexer.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Two-digit number at {@code from}, or -1. */
    private static int number(String s, int from) {
        return digits(s, from, 2) ? (s.charAt(from) - '0') * 10 + (s.charAt(from + 1) - '0') : -1;
    }
}
