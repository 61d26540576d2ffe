package dev.vigil.detect.sigma.correlation;

import java.time.Duration;

/** Parses Sigma timespans: a number with s, m, h, d (also w for weeks). */
final class Timespan {

    private Timespan() {
    }

    static Duration parse(String text) {
        if (text == null || !text.matches("[0-9]{1,9}[smhdw]")) {
            throw new IllegalArgumentException("timespan '" + text + "' is not like 30s, 5m, 1h, 1d or 1w");
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }
}
