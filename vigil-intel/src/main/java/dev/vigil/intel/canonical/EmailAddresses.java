package dev.vigil.intel.canonical;

import java.util.Locale;

/**
 * Canonical e-mail addresses for matching: refanged, trimmed, angle brackets of {@code Name <a@b>} removed, compared
 * case-insensitively as a whole (which is how mail systems treat them in practice).
 */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /** The canonical form, or null when the text holds no {@code local@domain} address. */
    public static String canonicalize(String text) {
        String value = Refanger.refang(text.strip());
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        if (open >= 0 && close > open) {
            value = value.substring(open + 1, close).strip();
        }
        if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
            value = value.substring(7);
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.indexOf(' ') >= 0) {
            return null;
        }
        value = value.toLowerCase(Locale.ROOT);
        return value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    }
}
