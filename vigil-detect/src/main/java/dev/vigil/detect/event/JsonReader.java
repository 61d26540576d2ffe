package dev.vigil.detect.event;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict JSON (RFC 8259) reader for one object per line, built for the event path: it reads the text once into
 * {@link JsonObject}s, lists, strings, numbers, booleans and nulls, with the same Java types a Jackson untyped read gives
 * (Integer, Long or BigInteger for integers, Double for the rest), and reuses the String of object keys it has seen
 * before, since events repeat the same few names. One reader per thread: it is not thread-safe.
 */
final class JsonReader {

    /** Malformed input; the message says what and where. */
    static final class MalformedJson extends Exception {

        MalformedJson(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 1000;
    private static final int KEY_CACHE_BITS = 10;

    /** keys seen before, by hash; a slot is simply overwritten on collision */
    private final String[] keyCache = new String[1 << KEY_CACHE_BITS];
    private String text;
    private int length;
    private int pos;
    /** characters of a string with escapes, unescaped; grown as needed */
    private char[] escaped = new char[256];
    private final NonAsciiStrings nonAsciiValues = new NonAsciiStrings();

    /** Parses text that must hold exactly one JSON object (whitespace around it is allowed). */
    JsonObject readObject(String json) throws MalformedJson {
        text = json;
        length = json.length();
        pos = 0;
        nonAsciiValues.clear();
        try {
            skipWhitespace();
            if (pos >= length || text.charAt(pos) != '{') {
                throw error("expected a JSON object");
            }
            JsonObject object = object(0);
            skipWhitespace();
            if (pos < length) {
                throw error("unexpected text after the object");
            }
            return object;
        } finally {
            text = null;
        }
    }

    /** The string values (not keys) of the object read last that hold non-ASCII characters. */
    NonAsciiStrings lastNonAsciiValues() {
        return nonAsciiValues;
    }

    private MalformedJson error(String what) {
        return new MalformedJson(what + " at character " + (pos + 1));
    }

    private void skipWhitespace() {
        String t = text;
        int p = pos;
        int n = length;
        while (p < n) {
            char c = t.charAt(p);
            if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
                break;
            }
            p++;
        }
        pos = p;
    }

    private Object value(int depth) throws MalformedJson {
        skipWhitespace();
        if (pos >= length) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string(false);
            case 't' -> word("true", Boolean.TRUE);
            case 'f' -> word("false", Boolean.FALSE);
            case 'n' -> word("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private JsonObject object(int depth) throws MalformedJson {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        pos++; // {
        JsonObject object = new JsonObject();
        skipWhitespace();
        if (pos < length && text.charAt(pos) == '}') {
            pos++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (pos >= length || text.charAt(pos) != '"') {
                throw error("expected a quoted name");
            }
            String key = string(true);
            skipWhitespace();
            if (pos >= length || text.charAt(pos) != ':') {
                throw error("expected ':'");
            }
            pos++;
            object.add(key, value(depth));
            skipWhitespace();
            if (pos >= length) {
                throw error("unexpected end of input");
            }
            char c = text.charAt(pos++);
            if (c == '}') {
                return object;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) throws MalformedJson {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        pos++; // [
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (pos < length && text.charAt(pos) == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth));
            skipWhitespace();
            if (pos >= length) {
                throw error("unexpected end of input");
            }
            char c = text.charAt(pos++);
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private Object word(String word, Object value) throws MalformedJson {
        if (pos + word.length() > length) {
            throw error("unexpected end of input");
        }
        for (int i = 0; i < word.length(); i++) {
            if (text.charAt(pos + i) != word.charAt(i)) {
                throw error("unexpected character '" + text.charAt(pos + i) + "'");
            }
        }
        pos += word.length();
        return value;
    }

    private String string(boolean key) throws MalformedJson {
        String t = text;
        int n = length;
        int start = pos + 1; // after the opening quote
        int p = start;
        int bits = 0;
        while (p < n) {
            char c = t.charAt(p);
            if (c == '"') {
                pos = p + 1;
                if (key) {
                    return cachedKey(start, p - start);
                }
                String value = t.substring(start, p);
                if (bits >= 0x80) {
                    nonAsciiValues.add(value);
                }
                return value;
            }
            if (c == '\\') {
                pos = p;
                return escapedRest(start, key, bits >= 0x80);
            }
            if (c < 0x20) {
                pos = p;
                throw error("unescaped control character in a string");
            }
            bits |= c;
            p++;
        }
        pos = p;
        throw error("unterminated string");
    }

    /**
     * The key's slot is chosen by its length and three of its characters, so a key seen before is recognised in one
     * comparison pass instead of hashing every character and then comparing.
     */
    private String cachedKey(int start, int count) {
        String t = text;
        if (count == 0) {
            return "";
        }
        int end = start + count;
        int mix = ((count * 31 + t.charAt(start)) * 31 + t.charAt(start + (count >>> 1))) * 31 + t.charAt(end - 1);
        int slot = (mix * 0x9E3779B9) >>> (32 - KEY_CACHE_BITS);
        String cached = keyCache[slot];
        if (cached != null && cached.length() == count) {
            int i = 0;
            while (i < count && cached.charAt(i) == t.charAt(start + i)) {
                i++;
            }
            if (i == count) {
                return cached;
            }
        }
        String key = t.substring(start, end);
        keyCache[slot] = key;
        return key;
    }

    /**
     * A string with escapes, from its first character to the closing quote; {@link #pos} is at its first backslash.
     * The runs between escapes are copied in bulk.
     */
    private String escapedRest(int start, boolean key, boolean nonAscii) throws MalformedJson {
        String t = text;
        int n = length;
        int count = pos - start;
        reserve(count);
        t.getChars(start, pos, escaped, 0);
        int p = pos;
        int bits = nonAscii ? 0x80 : 0;
        while (p < n) {
            char c = t.charAt(p);
            if (c == '"') {
                pos = p + 1;
                String value = new String(escaped, 0, count);
                if (!key && bits >= 0x80) {
                    nonAsciiValues.add(value);
                }
                return value;
            }
            if (c != '\\') {
                if (c < 0x20) {
                    pos = p;
                    throw error("unescaped control character in a string");
                }
                bits |= c;
                int run = p + 1;
                while (run < n && (c = t.charAt(run)) != '"' && c != '\\' && c >= 0x20) {
                    bits |= c;
                    run++;
                }
                reserve(count + run - p);
                t.getChars(p, run, escaped, count);
                count += run - p;
                p = run;
                continue;
            }
            if (++p >= n) {
                break;
            }
            char e = t.charAt(p++);
            reserve(count + 1);
            switch (e) {
                case '"', '\\', '/' -> escaped[count++] = e;
                case 'b' -> escaped[count++] = '\b';
                case 'f' -> escaped[count++] = '\f';
                case 'n' -> escaped[count++] = '\n';
                case 'r' -> escaped[count++] = '\r';
                case 't' -> escaped[count++] = '\t';
                case 'u' -> {
                    pos = p;
                    char unescaped = unicodeEscape();
                    bits |= unescaped;
                    escaped[count++] = unescaped;
                    p = pos;
                }
                default -> {
                    pos = p - 1;
                    throw error("invalid escape '\\" + e + "'");
                }
            }
        }
        pos = p;
        throw error("unterminated string");
    }

    private void reserve(int capacity) {
        if (capacity > escaped.length) {
            escaped = Arrays.copyOf(escaped, Math.max(capacity, escaped.length * 2));
        }
    }

    private char unicodeEscape() throws MalformedJson {
        if (pos + 4 > length) {
            throw error("unterminated string");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            code = code * 16 + digit;
        }
        pos += 4;
        return (char) code;
    }

    private Object number() throws MalformedJson {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        int intStart = pos;
        if (pos < length && text.charAt(pos) == '0') {
            pos++;
        } else if (!digits()) {
            throw error("invalid number");
        }
        int intDigits = pos - intStart;
        boolean integral = true;
        if (pos < length && text.charAt(pos) == '.') {
            pos++;
            integral = false;
            if (!digits()) {
                throw error("invalid number");
            }
        }
        if (pos < length && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            integral = false;
            if (pos < length && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (!digits()) {
                throw error("invalid number");
            }
        }
        if (pos < length && isNumberChar(text.charAt(pos))) {
            throw error("invalid number");
        }
        if (!integral) {
            return Double.parseDouble(text.substring(start, pos));
        }
        if (intDigits <= 18) {
            long value = 0;
            for (int i = intStart; i < pos; i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            if (start != intStart) {
                value = -value;
            }
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
        }
        BigInteger big = new BigInteger(text.substring(start, pos));
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }

    /** Consumes one or more digits; false when there is none. */
    private boolean digits() {
        int start = pos;
        while (pos < length && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }
}
