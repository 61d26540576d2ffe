package dev.vigil.server.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.vigil.server.platform.web.ProblemException;

/**
 * A point in time as users write it in searches: an ISO-8601 instant ({@code 2026-11-29T10:00:00Z}), {@code now}, or
 * {@code now-<n><unit>} with unit s, m, h, d or w ({@code now-24h}).
 */
public final class TimeExpression {

    private TimeExpression() {
    }

    /** The instant, or null for a blank text; 400 with the parameter's name when it is not a time. */
    public static Instant parse(String parameter, String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        if (value.equals("now")) {
            return now;
        }
        if (value.startsWith("now-")) {
            return now.minus(duration(parameter, value.substring(4)));
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-input", parameter + " '" + text
                    + "' is not a time: use an ISO-8601 instant such as 2026-11-29T10:00:00Z, now, or now-24h");
        }
    }

    /** A span such as {@code 15m}, {@code 24h}, {@code 7d}. */
    public static Duration duration(String parameter, String text) {
        if (text == null || text.length() < 2) {
            throw ProblemException.badRequest("invalid-input", parameter + " '" + text + "' is not a span such as 15m, 24h or 7d");
        }
        long amount;
        try {
            amount = Long.parseLong(text.substring(0, text.length() - 1));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-input", parameter + " '" + text + "' is not a span such as 15m, 24h or 7d");
        }
        if (amount <= 0 || amount > 100_000) {
            throw ProblemException.badRequest("invalid-input", parameter + " '" + text + "' must be between 1 and 100000 units");
        }
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            case 'w' -> Duration.ofDays(7 * amount);
            default -> throw ProblemException.badRequest("invalid-input", parameter + " '" + text
                    + "' has an unknown unit; use s, m, h, d or w");
        };
    }
}
