package dev.vigil.events.parse.syslog;

import dev.vigil.events.parse.draft.EventFields;

/**
 * RFC 5424 STRUCTURED-DATA: {@code [id param="value" ...][id2 ...]} with the escapes {@code \"}, {@code \\} and
 * {@code \]} in values. Each parameter becomes {@code log.syslog.structured_data.<SD-ID>.<param>}.
 */
final class StructuredData {
    private static final String PREFIX = "log.syslog.structured_data.";

    private StructuredData() {
    }

    /**
     * Reads the elements starting at {@code at} into {@code fields}.
     *
     * @return the index just past the last element, or -1 when the text there is not well-formed structured data
     *         (then nothing was written)
     */
    static int read(String text, int at, EventFields fields) {
        int end = scan(text, at, null);
        if (end > 0) {
            scan(text, at, fields);
        }
        return end;
    }

    /** One pass over the elements; with {@code fields} null it only checks the syntax. */
    private static int scan(String text, int at, EventFields fields) {
        int i = at;
        int length = text.length();
        if (i >= length || text.charAt(i) != '[') {
            return -1;
        }
        while (i < length && text.charAt(i) == '[') {
            int idStart = ++i;
            while (i < length && isNameChar(text.charAt(i))) {
                i++;
            }
            if (i == idStart) {
                return -1;
            }
            String id = fields == null ? null : text.substring(idStart, i);
            while (i < length && text.charAt(i) == ' ') {
                i++;
                int nameStart = i;
                while (i < length && isNameChar(text.charAt(i))) {
                    i++;
                }
                if (i == nameStart || i + 1 >= length || text.charAt(i) != '=' || text.charAt(i + 1) != '"') {
                    return -1;
                }
                String name = fields == null ? null : text.substring(nameStart, i);
                i += 2;
                StringBuilder value = fields == null ? null : new StringBuilder();
                while (i < length && text.charAt(i) != '"') {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < length && isEscapable(text.charAt(i + 1))) {
                        c = text.charAt(++i);
                    }
                    if (value != null) {
                        value.append(c);
                    }
                    i++;
                }
                if (i >= length) {
                    return -1;
                }
                i++;
                if (fields != null) {
                    fields.putOriginal(PREFIX + id + "." + name, value.toString());
                }
            }
            if (i >= length || text.charAt(i) != ']') {
                return -1;
            }
            i++;
        }
        return i;
    }

    private static boolean isNameChar(char c) {
        return c > 32 && c < 127 && c != '=' && c != ']' && c != '"';
    }

    private static boolean isEscapable(char c) {
        return c == '"' || c == '\\' || c == ']';
    }
}
