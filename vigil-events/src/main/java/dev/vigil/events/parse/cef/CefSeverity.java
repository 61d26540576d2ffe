package dev.vigil.events.parse.cef;

import java.util.Locale;

import dev.vigil.events.parse.text.NumberText;

/** CEF severity: 0-10, or the words Unknown, Low, Medium, High and Very-High (read as 3, 6, 8 and 10). */
final class CefSeverity {
    private CefSeverity() {
    }

    static Long value(String text) {
        Long number = NumberText.parseLong(text.strip());
        if (number != null) {
            return number;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "low" -> 3L;
            case "medium" -> 6L;
            case "high" -> 8L;
            case "very-high", "very high" -> 10L;
            default -> null;
        };
    }
}
