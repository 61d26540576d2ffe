package dev.vigil.ledger.record;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks, in one pass over the bytes and without building a tree, that a byte range is a JSON object in RFC 8785
 * canonical form exactly as {@link CanonicalJson} writes it: no white space, members in strictly increasing UTF-16
 * order of their names, minimal string escapes with lowercase hex, well-formed UTF-8, and numbers in their
 * ECMAScript form. Returns the object's members as spans so callers can check a schema without re-parsing.
 */
final class CanonicalJsonScanner {

    private static final int MAX_DEPTH = 128;
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** A member of the scanned object: its decoded name and the byte span {@code [start, end)} of its value. */
    record Member(String name, int start, int end) {
    }

    private final byte[] bytes;
    private final int limit;
    private int pos;

    private CanonicalJsonScanner(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.pos = start;
        this.limit = end;
    }

    /** The members of the canonical object spanning exactly {@code [start, end)}. */
    static List<Member> objectMembers(byte[] bytes, int start, int end) throws RecordFormatException {
        CanonicalJsonScanner scanner = new CanonicalJsonScanner(bytes, start, end);
        if (start >= end || bytes[start] != '{') {
            throw scanner.fail("expected a JSON object");
        }
        List<Member> members = new ArrayList<>();
        scanner.object(0, members);
        if (scanner.pos != end) {
            throw scanner.fail("unexpected data after the JSON value");
        }
        return members;
    }

    private RecordFormatException fail(String reason) {
        return new RecordFormatException("not in canonical form at byte " + pos + ": " + reason);
    }

    private byte peek() throws RecordFormatException {
        if (pos >= limit) {
            throw fail("unexpected end of line");
        }
        return bytes[pos];
    }

    private void expect(char c) throws RecordFormatException {
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private void value(int depth) throws RecordFormatException {
        if (depth > MAX_DEPTH) {
            throw fail("nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (peek()) {
            case '{' -> object(depth + 1, null);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void object(int depth, List<Member> members) throws RecordFormatException {
        pos++;
        if (peek() == '}') {
            pos++;
            return;
        }
        String previous = null;
        while (true) {
            if (peek() != '"') {
                throw fail("expected a member name");
            }
            int nameStart = pos;
            boolean plain = string();
            String name = plain
                    ? new String(bytes, nameStart + 1, pos - nameStart - 2, StandardCharsets.ISO_8859_1)
                    : decodeString(nameStart, pos);
            if (previous != null && previous.compareTo(name) >= 0) {
                throw fail(previous.equals(name) ? "duplicate member \"" + name + "\""
                        : "member \"" + name + "\" is not sorted after \"" + previous + "\"");
            }
            previous = name;
            expect(':');
            int valueStart = pos;
            value(depth);
            if (members != null) {
                members.add(new Member(name, valueStart, pos));
            }
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect('}');
            return;
        }
    }

    private void array(int depth) throws RecordFormatException {
        pos++;
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            value(depth);
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect(']');
            return;
        }
    }

    private void literal(String word) throws RecordFormatException {
        for (int i = 0; i < word.length(); i++) {
            if (peek() != word.charAt(i)) {
                throw fail("invalid literal");
            }
            pos++;
        }
    }

    /** Scans a string; returns true when it is plain ASCII without escapes. */
    private boolean string() throws RecordFormatException {
        pos++;
        boolean plain = true;
        while (true) {
            int c = peek() & 0xFF;
            if (c == '"') {
                pos++;
                return plain;
            }
            if (c == '\\') {
                plain = false;
                escape();
            } else if (c < 0x20) {
                throw fail("control character U+00" + String.format("%02X", c) + " must be escaped");
            } else if (c < 0x80) {
                pos++;
            } else {
                plain = false;
                utf8Sequence(c);
            }
        }
    }

    private void escape() throws RecordFormatException {
        pos++;
        int e = peek();
        switch (e) {
            case '"', '\\', 'b', 'f', 'n', 'r', 't' -> pos++;
            case 'u' -> {
                pos++;
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(peek(), 16);
                    if (digit < 0 || Character.isUpperCase(bytes[pos])) {
                        throw fail("\\u escapes use four lowercase hex digits");
                    }
                    code = code * 16 + digit;
                    pos++;
                }
                if (code >= 0x20 || code == '\b' || code == '\f' || code == '\n' || code == '\r' || code == '\t') {
                    throw fail("character U+" + String.format("%04X", code) + " must not be \\u-escaped");
                }
            }
            default -> throw fail("invalid escape");
        }
    }

    private void utf8Sequence(int lead) throws RecordFormatException {
        int continuation;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation = 2;
            if (lead == 0xE0) {
                min = 0xA0;
            } else if (lead == 0xED) {
                max = 0x9F; // U+D800..U+DFFF (surrogates) are not characters
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
            if (lead == 0xF0) {
                min = 0x90;
            } else if (lead == 0xF4) {
                max = 0x8F;
            }
        } else {
            throw fail("invalid UTF-8");
        }
        pos++;
        for (int i = 0; i < continuation; i++) {
            int c = peek() & 0xFF;
            if (c < min || c > max) {
                throw fail("invalid UTF-8");
            }
            min = 0x80;
            max = 0xBF;
            pos++;
        }
    }

    private void number() throws RecordFormatException {
        int start = pos;
        while (pos < limit && isNumberByte(bytes[pos])) {
            pos++;
        }
        if (start == pos) {
            byte b = bytes[pos];
            throw fail(b == ' ' || b == '\t' || b == '\r' || b == '\n' ? "white space is not allowed"
                    : "unexpected character");
        }
        String token = new String(bytes, start, pos - start, StandardCharsets.ISO_8859_1);
        if (isSmallCanonicalInteger(token)) {
            return;
        }
        if (!JSON_NUMBER.matcher(token).matches()) {
            throw fail("invalid number " + token);
        }
        double value = Double.parseDouble(token);
        String canonical = Double.isInfinite(value) ? null : CanonicalJson.formatDouble(value);
        if (!token.equals(canonical)) {
            throw fail("number " + token + " is not in canonical form"
                    + (canonical == null ? "" : " (expected " + canonical + ")"));
        }
    }

    /** True when {@code token} is a JSON number in the canonical form that {@link #number()} requires. */
    static boolean isCanonicalNumber(String token) {
        if (isSmallCanonicalInteger(token)) {
            return true;
        }
        if (!JSON_NUMBER.matcher(token).matches()) {
            return false;
        }
        double value = Double.parseDouble(token);
        return !Double.isInfinite(value) && token.equals(CanonicalJson.formatDouble(value));
    }

    /** Integers below 10^15 print as themselves in ECMAScript; the common case needs no double conversion. */
    private static boolean isSmallCanonicalInteger(String token) {
        int digitsStart = token.startsWith("-") ? 1 : 0;
        int digits = token.length() - digitsStart;
        if (digits < 1 || digits > 15) {
            return false;
        }
        if (token.charAt(digitsStart) == '0') {
            return token.equals("0");
        }
        for (int i = digitsStart; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumberByte(byte b) {
        return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
    }

    /** Decodes a validated string span (quotes included) that contains escapes or non-ASCII characters. */
    private String decodeString(int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        int i = start + 1;
        int runStart = i;
        while (i < end - 1) {
            if (bytes[i] == '\\') {
                out.append(new String(bytes, runStart, i - runStart, StandardCharsets.UTF_8));
                byte e = bytes[i + 1];
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> out.append((char) Integer.parseInt(new String(bytes, i + 2, 4, StandardCharsets.ISO_8859_1), 16));
                    default -> out.append((char) e);
                }
                i += e == 'u' ? 6 : 2;
                runStart = i;
            } else {
                i++;
            }
        }
        out.append(new String(bytes, runStart, end - 1 - runStart, StandardCharsets.UTF_8));
        return out.toString();
    }

    /** The decoded content of the string value spanning {@code [start, end)} of a validated line. */
    static String stringValue(byte[] bytes, int start, int end) {
        return new CanonicalJsonScanner(bytes, start, end).decodeString(start, end);
    }
}
