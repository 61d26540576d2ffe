package dev.vigil.intel.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The timestamp spellings feeds use: ISO-8601 instants ({@code 2024-01-02T03:04:05Z}), offsets, {@code yyyy-MM-dd
 * HH:mm:ss} with an optional trailing {@code UTC} (read as UTC, as abuse.ch feeds mean it), plain dates and Unix
 * time in seconds or milliseconds.
 */
public final class FeedTimestamps {

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]");

    private FeedTimestamps() {
    }

    /** @throws IllegalArgumentException naming the text when it is none of the accepted forms */
    public static Instant parse(String text) {
        String value = text.strip();
        if (value.endsWith(" UTC")) {
            value = value.substring(0, value.length() - 4).strip();
        }
        if (!value.isEmpty() && value.length() <= 16 && value.chars().allMatch(Character::isDigit)) {
            // Unix time: seconds up to 11 digits, milliseconds beyond.
            long number = Long.parseLong(value);
            return value.length() <= 11 ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (value.indexOf('T') > 0) {
                if (value.endsWith("Z") || value.endsWith("z")) {
                    return Instant.parse(value.toUpperCase(java.util.Locale.ROOT));
                }
                if (value.length() > 19 && (value.charAt(value.length() - 6) == '+'
                        || value.charAt(value.length() - 6) == '-')) {
                    return OffsetDateTime.parse(value).toInstant();
                }
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(value, SPACED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a timestamp: '" + text + "'");
        }
    }
}
