package dev.vigil.events.parse.cloud;

import java.util.Locale;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.json.FlatJson;
import dev.vigil.events.parse.text.IpLiterals;

/** Small readings shared by the cloud audit shapes. */
final class CloudValues {
    private CloudValues() {
    }

    /** The first of {@code names} with a non-empty scalar value, or null. */
    static String firstText(FlatJson document, String... names) {
        for (String name : names) {
            String value = document.text(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    /** Whether the scalar value of {@code name} equals {@code expected}, ignoring case. */
    static boolean is(FlatJson document, String name, String expected) {
        String value = document.text(name);
        return value != null && value.equalsIgnoreCase(expected);
    }

    /** The part after the last {@code /} ({@code bob} of {@code arn:aws:iam::1:user/dev/bob}), or null. */
    static String lastPathPart(String text) {
        if (text == null) {
            return null;
        }
        String part = text.substring(text.lastIndexOf('/') + 1);
        return part.isEmpty() ? null : part;
    }

    /**
     * The address of {@code 203.0.113.7}, {@code 203.0.113.7:51000}, {@code 2001:db8::1} or {@code [2001:db8::1]:443},
     * or null when the text holds no IP literal.
     */
    static String ipOf(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (IpLiterals.isIp(text)) {
            return text;
        }
        String host;
        if (text.charAt(0) == '[') {
            int close = text.indexOf(']');
            host = close > 0 ? text.substring(1, close) : null;
        } else {
            int colon = text.lastIndexOf(':');
            host = colon > 0 && text.indexOf(':') == colon ? text.substring(0, colon) : null;
        }
        return IpLiterals.isIp(host) ? host : null;
    }

    /**
     * {@link EventClass#SUCCESS} or {@link EventClass#FAILURE} for the usual result words of cloud logs (Success,
     * Succeeded, True, 0 / Failure, Failed, False, Denied); null for anything else.
     */
    static String outcomeOf(String result) {
        if (result == null) {
            return null;
        }
        return switch (result.toLowerCase(Locale.ROOT)) {
            case "success", "succeeded", "true", "0", "allow", "partiallysucceeded" -> EventClass.SUCCESS;
            case "failure", "failed", "false", "deny", "denied" -> EventClass.FAILURE;
            default -> null;
        };
    }
}
