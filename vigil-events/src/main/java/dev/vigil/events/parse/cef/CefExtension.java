package dev.vigil.events.parse.cef;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.vigil.events.parse.draft.EventFields;

/**
 * The key=value pairs after the CEF header. A value runs until a space followed by a key and {@code =}; the look-ahead
 * at each space stops at the first character that cannot be part of a key, so the scan stays linear.
 */
final class CefExtension {
    private final Map<String, String> values;

    private CefExtension(Map<String, String> values) {
        this.values = values;
    }

    static CefExtension read(String text, int at) {
        Map<String, String> values = new LinkedHashMap<>();
        int i = skipSpaces(text, at);
        // one more than the store keeps, so that the event is marked as having lost fields
        while (i < text.length() && values.size() <= EventFields.MAX_ORIGINAL_FIELDS) {
            int keyEnd = keyEnd(text, i);
            if (keyEnd == i || keyEnd >= text.length() || text.charAt(keyEnd) != '=') {
                break;
            }
            String key = text.substring(i, keyEnd);
            int valueStart = keyEnd + 1;
            int valueEnd = valueEnd(text, valueStart);
            values.putIfAbsent(key, unescape(text, valueStart, valueEnd));
            i = skipSpaces(text, valueEnd);
        }
        return new CefExtension(values);
    }

    String get(String key) {
        return values.get(key);
    }

    void forEach(BiConsumer<String, String> action) {
        values.forEach(action);
    }

    /** Where the value starting at {@code from} ends: at the space before the next key, or at the end. */
    private static int valueEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == ' ') {
                int keyEnd = keyEnd(text, i + 1);
                if (keyEnd > i + 1 && keyEnd < text.length() && text.charAt(keyEnd) == '=') {
                    return trimEnd(text, from, i);
                }
            }
            i++;
        }
        return trimEnd(text, from, Math.min(i, text.length()));
    }

    private static int trimEnd(String text, int from, int end) {
        int i = end;
        while (i > from && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i;
    }

    private static int keyEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isKeyChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '-';
    }

    private static boolean containsBackslash(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\\') {
                return true;
            }
        }
        return false;
    }

    private static int skipSpaces(String text, int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String unescape(String text, int from, int to) {
        if (!containsBackslash(text, from, to)) {
            return text.substring(from, to);
        }
        StringBuilder value = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char next = text.charAt(i + 1);
                switch (next) {
                    case '=', '\\', '|' -> value.append(next);
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    default -> value.append(c).append(next);
                }
                i++;
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }
}
