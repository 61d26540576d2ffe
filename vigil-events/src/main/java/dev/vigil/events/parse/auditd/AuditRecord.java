package dev.vigil.events.parse.auditd;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.text.NumberText;

/**
 * One Linux audit record: {@code [node=HOST ]type=TYPE msg=audit(SECONDS.MILLIS:SERIAL): key=value ...}, the kernel's
 * {@code type=1400 audit(...): ...} form, and user-space records with an inner {@code msg='key=value ...'}. Values are
 * quoted, or unquoted; an unquoted value of a field that auditd hex-encodes (proctitle, comm, exe, path...) is decoded
 * when it is all hexadecimal. The enriched format's group separator (0x1D) counts as a space.
 */
final class AuditRecord {
    private static final Set<String> HEX_ENCODED = Set.of("proctitle", "cmd", "comm", "exe", "name", "path", "cwd",
            "acct", "data", "key", "old", "new");
    private static final char GROUP_SEPARATOR = '\u001D';
    private static final String MARKER = "audit(";

    private final Map<String, String> values = new LinkedHashMap<>();
    private String type;
    private long epochMillis = -1;
    private Long serial;

    private AuditRecord() {
    }

    /** The record in {@code text}, or null when it is not an audit record (no type or no audit(...) marker). */
    static AuditRecord read(String text) {
        AuditRecord record = new AuditRecord();
        record.readPairs(text, 0, text.length(), true);
        return record.type == null || record.epochMillis < 0 ? null : record;
    }

    String type() {
        return type;
    }

    long epochMillis() {
        return epochMillis;
    }

    Long serial() {
        return serial;
    }

    String get(String key) {
        return values.get(key);
    }

    Map<String, String> values() {
        return values;
    }

    private void readPairs(String text, int from, int to, boolean outer) {
        int i = from;
        while (i < to && values.size() <= EventFields.MAX_ORIGINAL_FIELDS) {
            while (i < to && isSeparator(text.charAt(i))) {
                i++;
            }
            if (outer && text.startsWith(MARKER, i)) {
                i = readMarker(text, i, to);
                continue;
            }
            int keyEnd = i;
            while (keyEnd < to && isKeyChar(text.charAt(keyEnd))) {
                keyEnd++;
            }
            if (keyEnd == i || keyEnd >= to || text.charAt(keyEnd) != '=') {
                i = nextSeparator(text, Math.max(keyEnd, i + 1), to);
                continue;
            }
            String key = text.substring(i, keyEnd);
            i = readValue(text, key, keyEnd + 1, to, outer);
        }
    }

    /** Reads the value of {@code key} starting at {@code at}; returns where the next pair may start. */
    private int readValue(String text, String key, int at, int to, boolean outer) {
        char first = at < to ? text.charAt(at) : ' ';
        if (first == '"' || first == '\'') {
            int close = text.indexOf(first, at + 1);
            int end = close < 0 || close > to ? to : close;
            if (first == '\'' && outer && key.equals("msg")) {
                readPairs(text, at + 1, end, false);
            } else {
                store(key, text.substring(at + 1, end));
            }
            return Math.min(end + 1, to);
        }
        int end = nextSeparator(text, at, to);
        String value = text.substring(at, end);
        if (outer && key.equals("msg") && value.startsWith(MARKER)) {
            readMarker(text, at, to);
        } else if (outer && key.equals("type")) {
            type = value;
        } else {
            store(key, isHexEncoded(key) ? decodeHex(value) : value);
        }
        return end;
    }

    private void store(String key, String value) {
        values.putIfAbsent(key, value);
    }

    /** {@code audit(1364481363.243:24287):} gives the time and the serial number. */
    private int readMarker(String text, int at, int to) {
        int end = nextSeparator(text, at, to);
        int dot = indexOf(text, '.', at, end);
        int colon = indexOf(text, ':', at, end);
        int close = indexOf(text, ')', at, end);
        if (dot > 0 && colon > dot && close > colon) {
            Long seconds = NumberText.parseLong(text, at + MARKER.length(), dot);
            Long millis = NumberText.parseLong(text, dot + 1, colon);
            serial = NumberText.parseLong(text, colon + 1, close);
            if (seconds != null && millis != null && seconds >= 0 && millis >= 0 && millis < 1000) {
                epochMillis = seconds * 1000 + millis;
            }
        }
        return end;
    }

    private boolean isHexEncoded(String key) {
        return HEX_ENCODED.contains(key) || "EXECVE".equals(type) && isArgumentKey(key);
    }

    /** a0, a1, ... of an EXECVE record */
    private static boolean isArgumentKey(String key) {
        return key.length() > 1 && key.charAt(0) == 'a' && NumberText.parseLong(key, 1, key.length()) != null;
    }

    /** The text of an even-length run of hex digits, NULs (argument separators) read as spaces; else unchanged. */
    static String decodeHex(String value) {
        int length = value.length();
        if (length < 2 || length % 2 != 0) {
            return value;
        }
        byte[] bytes = new byte[length / 2];
        for (int i = 0; i < length; i += 2) {
            int high = Character.digit(value.charAt(i), 16);
            int low = Character.digit(value.charAt(i + 1), 16);
            if (high < 0 || low < 0) {
                return value;
            }
            bytes[i / 2] = (byte) (high << 4 | low);
        }
        return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').stripTrailing();
    }

    private static int indexOf(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int nextSeparator(String text, int from, int to) {
        int i = from;
        while (i < to && !isSeparator(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == GROUP_SEPARATOR || c == '\n' || c == '\t';
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
