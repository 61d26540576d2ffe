package dev.vigil.ledger.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Month;
import java.time.Year;
import java.util.Arrays;

/**
 * The allocation-free route of {@link CanonicalRecordCheck} for the common case: one pass over the bytes of a line
 * inside a larger buffer, with the record schema checked while scanning, no objects built and nothing copied.
 *
 * <p>It only ever accepts. Whenever it cannot prove a line valid — every invalid line, and rare valid forms such as
 * member names with escapes or non-ASCII characters, or nesting deeper than {@value #MAX_DEPTH} — it answers
 * {@link #UNDECIDED}, and the caller asks {@link CanonicalRecordCheck}, whose verdict and message are authoritative.
 * So a line it accepts is one {@link CanonicalRecordCheck} accepts with the same sequence number, and what is rejected
 * and how the rejection is worded does not depend on this class.
 */
public final class CanonicalRecordFastCheck {

    /** The answer when the line must go to {@link CanonicalRecordCheck}. */
    public static final int UNDECIDED = -1;

    /** Well below the scanner's limit of 128, so nothing deeper than the scanner allows is ever accepted. */
    private static final int MAX_DEPTH = 32;
    /** Integers of up to 15 digits print as themselves in ECMAScript and are below 2^53. */
    private static final int MAX_SMALL_INTEGER_DIGITS = 15;

    // The record's fields in the (UTF-16) order canonical form puts them; the indices are the switch labels below.
    private static final int ACTION = 0;
    private static final int ACTOR = 1;
    private static final int BODY = 2;
    private static final int OBJECT = 3;
    private static final int OUTCOME = 4;
    private static final int REFERENCES = 5;
    private static final int SEQ = 6;
    private static final int SOURCE = 7;
    private static final int TENANT = 8;
    private static final int TIME = 9;
    private static final int VERSION = 10;
    private static final byte[][] FIELDS = members("action", "actor", "body", "object", "outcome", "references", "seq",
            "source", "tenant", "time", "v");
    private static final int REQUIRED = ((1 << FIELDS.length) - 1) & ~(1 << SOURCE);

    private static final byte[] DISPLAY_NAME = members("displayName")[0];
    private static final byte[] ID = members("id")[0];
    private static final byte[] KIND = members("kind")[0];
    private static final byte[] TYPE = members("type")[0];
    private static final byte[][] REFERENCE_FIELDS = members("approval", "changeRequest", "incident", "session");
    private static final byte[][] ACTOR_KINDS = Arrays.stream(ActorKind.values())
            .map(kind -> ('"' + kind.wireName() + '"').getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    private static final byte[][] OUTCOMES = Arrays.stream(Outcome.values())
            .map(outcome -> ('"' + outcome.wireName() + '"').getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    private static final byte[] TRUE = ascii("true")[0];
    private static final byte[] FALSE = ascii("false")[0];
    private static final byte[] NULL = ascii("null")[0];
    private static final int TIME_LENGTH = 27;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** The bytes a string holds as they are: printable ASCII other than the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private CanonicalRecordFastCheck() {
    }

    /**
     * Accepts the line that starts at {@code start} and ends at the next {@code '\n'} or at {@code limit} when it is a
     * valid record in canonical form: stores its sequence number in {@code sequences[slot]} and returns the line's end
     * (the index of the newline, or {@code limit}). Otherwise returns {@link #UNDECIDED} and leaves
     * {@code sequences} alone.
     */
    public static int acceptLine(byte[] bytes, int start, int limit, long[] sequences, int slot) {
        if (start >= limit || bytes[start] != '{') {
            return UNDECIDED;
        }
        int p = start + 1;
        int previous = -1;
        int present = 0;
        long sequence = -1;
        while (true) {
            int field = fieldAfter(bytes, p, limit, previous);
            if (field < 0) {
                return UNDECIDED;
            }
            p += FIELDS[field].length;
            switch (field) {
                case ACTOR -> p = actor(bytes, p, limit);
                case BODY -> p = p < limit && bytes[p] == '{' ? object(bytes, p, limit, 1) : UNDECIDED;
                case OBJECT -> p = objectReference(bytes, p, limit);
                case OUTCOME -> p = oneOf(bytes, p, limit, OUTCOMES);
                case REFERENCES -> p = references(bytes, p, limit);
                case SEQ -> {
                    int end = smallNaturalNumber(bytes, p, limit);
                    if (end >= 0) {
                        sequence = parseDigits(bytes, p, end);
                    }
                    p = end;
                }
                case TIME -> p = time(bytes, p, limit);
                case VERSION -> p = isVersionOne(bytes, p, limit) ? p + 1 : UNDECIDED;
                default -> p = nonEmptyString(bytes, p, limit); // action, source, tenant
            }
            if (p < 0 || p >= limit) {
                return UNDECIDED;
            }
            present |= 1 << field;
            previous = field;
            byte separator = bytes[p++];
            if (separator == '}') {
                break;
            }
            if (separator != ',') {
                return UNDECIDED;
            }
        }
        if ((present & REQUIRED) != REQUIRED || (p != limit && bytes[p] != '\n')) {
            return UNDECIDED;
        }
        sequences[slot] = sequence;
        return p;
    }

    /** The index of the field whose quoted name and colon start at {@code p}, if it sorts after {@code previous}. */
    private static int fieldAfter(byte[] bytes, int p, int limit, int previous) {
        for (int field = previous + 1; field < FIELDS.length; field++) {
            if (isMemberName(bytes, p, limit, FIELDS[field])) {
                return field;
            }
        }
        return -1;
    }

    /** True when {@code member}, a quoted name and colon, starts at {@code p}. */
    private static boolean isMemberName(byte[] bytes, int p, int limit, byte[] member) {
        return p + member.length < limit && startsWith(bytes, p, member);
    }

    /** {@code {"displayName":string,"id":non-empty string,"kind":actor kind}}. */
    private static int actor(byte[] bytes, int p, int limit) {
        if (p >= limit || bytes[p] != '{' || !isMemberName(bytes, p + 1, limit, DISPLAY_NAME)) {
            return UNDECIDED;
        }
        p = string(bytes, p + 1 + DISPLAY_NAME.length, limit);
        if (p < 0 || p >= limit || bytes[p] != ',' || !isMemberName(bytes, p + 1, limit, ID)) {
            return UNDECIDED;
        }
        p = nonEmptyString(bytes, p + 1 + ID.length, limit);
        if (p < 0 || p >= limit || bytes[p] != ',' || !isMemberName(bytes, p + 1, limit, KIND)) {
            return UNDECIDED;
        }
        p = oneOf(bytes, p + 1 + KIND.length, limit, ACTOR_KINDS);
        return p >= 0 && p < limit && bytes[p] == '}' ? p + 1 : UNDECIDED;
    }

    /** {@code {"id":non-empty string,"type":non-empty string}}. */
    private static int objectReference(byte[] bytes, int p, int limit) {
        if (p >= limit || bytes[p] != '{' || !isMemberName(bytes, p + 1, limit, ID)) {
            return UNDECIDED;
        }
        p = nonEmptyString(bytes, p + 1 + ID.length, limit);
        if (p < 0 || p >= limit || bytes[p] != ',' || !isMemberName(bytes, p + 1, limit, TYPE)) {
            return UNDECIDED;
        }
        p = nonEmptyString(bytes, p + 1 + TYPE.length, limit);
        return p >= 0 && p < limit && bytes[p] == '}' ? p + 1 : UNDECIDED;
    }

    /** An object of some of approval, changeRequest, incident, session (in that order), each a non-empty string. */
    private static int references(byte[] bytes, int p, int limit) {
        if (p + 1 >= limit || bytes[p] != '{') {
            return UNDECIDED;
        }
        if (bytes[p + 1] == '}') {
            return p + 2;
        }
        int next = 0;
        while (true) {
            p++; // past '{' or ','
            while (next < REFERENCE_FIELDS.length && !isMemberName(bytes, p, limit, REFERENCE_FIELDS[next])) {
                next++;
            }
            if (next == REFERENCE_FIELDS.length) {
                return UNDECIDED;
            }
            p = nonEmptyString(bytes, p + REFERENCE_FIELDS[next].length, limit);
            next++;
            if (p < 0 || p >= limit) {
                return UNDECIDED;
            }
            if (bytes[p] == '}') {
                return p + 1;
            }
            if (bytes[p] != ',') {
                return UNDECIDED;
            }
        }
    }

    /** One of the {@code quoted} strings, which need no escaping. */
    private static int oneOf(byte[] bytes, int p, int limit, byte[][] quoted) {
        for (byte[] string : quoted) {
            if (p + string.length <= limit && startsWith(bytes, p, string)) {
                return p + string.length;
            }
        }
        return UNDECIDED;
    }

    /** {@code "YYYY-MM-DDTHH:MM:SS.ffffffZ"}, a real date and time (what {@link AuditTime#isValid} accepts). */
    private static int time(byte[] bytes, int p, int limit) {
        int t = p + 1;
        int end = t + TIME_LENGTH;
        if (end >= limit || bytes[p] != '"' || bytes[end] != '"' || bytes[t + 4] != '-' || bytes[t + 7] != '-'
                || bytes[t + 10] != 'T' || bytes[t + 13] != ':' || bytes[t + 16] != ':' || bytes[t + 19] != '.'
                || bytes[t + 26] != 'Z') {
            return UNDECIDED;
        }
        int century = twoDigits(bytes, t);
        int yearOfCentury = twoDigits(bytes, t + 2);
        int month = twoDigits(bytes, t + 5);
        int day = twoDigits(bytes, t + 8);
        int hour = twoDigits(bytes, t + 11);
        int minute = twoDigits(bytes, t + 14);
        int second = twoDigits(bytes, t + 17);
        if ((century | yearOfCentury | month | day | hour | minute | second | twoDigits(bytes, t + 20)
                | twoDigits(bytes, t + 22) | twoDigits(bytes, t + 24)) < 0) {
            return UNDECIDED;
        }
        boolean valid = month >= 1 && month <= 12 && day >= 1
                && day <= Month.of(month).length(Year.isLeap(century * 100 + yearOfCentury))
                && hour < 24 && minute < 60 && second < 60;
        return valid ? end + 1 : UNDECIDED;
    }

    /** The value of two decimal digits, or a negative number when they are not both digits. */
    private static int twoDigits(byte[] bytes, int p) {
        int tens = bytes[p] - '0';
        int ones = bytes[p + 1] - '0';
        return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
    }

    private static boolean isVersionOne(byte[] bytes, int p, int limit) {
        return AuditRecordCodec.FORMAT_VERSION == 1 && p + 1 < limit && bytes[p] == '1'
                && !isNumberByte(bytes[p + 1]);
    }

    /** An integer 0 .. 10^15 - 1 in canonical form; returns its end. */
    private static int smallNaturalNumber(byte[] bytes, int p, int limit) {
        int end = p;
        while (end < limit && bytes[end] >= '0' && bytes[end] <= '9') {
            end++;
        }
        int digits = end - p;
        if (digits == 0 || digits > MAX_SMALL_INTEGER_DIGITS || (bytes[p] == '0' && digits > 1)
                || (end < limit && isNumberByte(bytes[end]))) {
            return UNDECIDED;
        }
        return end;
    }

    /** Compares eight bytes at a time (the last word overlapping); the caller ensures the bounds. */
    private static boolean startsWith(byte[] bytes, int p, byte[] prefix) {
        int n = prefix.length;
        if (n >= Long.BYTES) {
            for (int i = 0; i < n - Long.BYTES; i += Long.BYTES) {
                if ((long) LONGS.get(bytes, p + i) != (long) LONGS.get(prefix, i)) {
                    return false;
                }
            }
            return (long) LONGS.get(bytes, p + n - Long.BYTES) == (long) LONGS.get(prefix, n - Long.BYTES);
        }
        if (n >= Integer.BYTES) {
            return (int) INTS.get(bytes, p) == (int) INTS.get(prefix, 0)
                    && (int) INTS.get(bytes, p + n - Integer.BYTES) == (int) INTS.get(prefix, n - Integer.BYTES);
        }
        for (int i = 0; i < n; i++) {
            if (bytes[p + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long parseDigits(byte[] bytes, int start, int end) {
        long value = 0;
        for (int i = start; i < end; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }

    private static int nonEmptyString(byte[] bytes, int p, int limit) {
        int end = string(bytes, p, limit);
        return end == p + 2 ? UNDECIDED : end;
    }

    private static int value(byte[] bytes, int p, int limit, int depth) {
        if (p >= limit) {
            return UNDECIDED;
        }
        return switch (bytes[p]) {
            case '{' -> object(bytes, p, limit, depth + 1);
            case '[' -> array(bytes, p, limit, depth + 1);
            case '"' -> string(bytes, p, limit);
            case 't' -> literal(bytes, p, limit, TRUE);
            case 'f' -> literal(bytes, p, limit, FALSE);
            case 'n' -> literal(bytes, p, limit, NULL);
            default -> number(bytes, p, limit);
        };
    }

    /** An object whose member names are plain ASCII in strictly increasing order. */
    private static int object(byte[] bytes, int p, int limit, int depth) {
        if (depth > MAX_DEPTH || p + 1 >= limit) {
            return UNDECIDED;
        }
        p++;
        if (bytes[p] == '}') {
            return p + 1;
        }
        int previousStart = -1;
        int previousEnd = -1;
        while (true) {
            if (p >= limit || bytes[p] != '"') {
                return UNDECIDED;
            }
            int nameStart = p + 1;
            int nameEnd = plainName(bytes, nameStart, limit);
            if (nameEnd < 0 || nameEnd + 1 >= limit || bytes[nameEnd + 1] != ':' || (previousStart >= 0
                    && !sortsBefore(bytes, previousStart, previousEnd, nameStart, nameEnd))) {
                return UNDECIDED;
            }
            previousStart = nameStart;
            previousEnd = nameEnd;
            p = value(bytes, nameEnd + 2, limit, depth);
            if (p < 0 || p >= limit) {
                return UNDECIDED;
            }
            byte separator = bytes[p++];
            if (separator == '}') {
                return p;
            }
            if (separator != ',') {
                return UNDECIDED;
            }
        }
    }

    /** True when {@code bytes[a, aEnd)} sorts strictly before {@code bytes[b, bEnd)}, byte by byte, a prefix first. */
    private static boolean sortsBefore(byte[] bytes, int a, int aEnd, int b, int bEnd) {
        int common = Math.min(aEnd - a, bEnd - b);
        for (int i = 0; i < common; i++) {
            int x = bytes[a + i] & 0xFF;
            int y = bytes[b + i] & 0xFF;
            if (x != y) {
                return x < y;
            }
        }
        return aEnd - a < bEnd - b;
    }

    /**
     * The index of the closing quote of a name without escapes or non-ASCII characters, whose byte order is its
     * UTF-16 order.
     */
    private static int plainName(byte[] bytes, int p, int limit) {
        for (; p < limit; p++) {
            byte c = bytes[p];
            if (c == '"') {
                return p;
            }
            if (c < 0x20 || c == '\\') { // negative: non-ASCII
                return UNDECIDED;
            }
        }
        return UNDECIDED;
    }

    private static int array(byte[] bytes, int p, int limit, int depth) {
        if (depth > MAX_DEPTH || p + 1 >= limit) {
            return UNDECIDED;
        }
        p++;
        if (bytes[p] == ']') {
            return p + 1;
        }
        while (true) {
            p = value(bytes, p, limit, depth);
            if (p < 0 || p >= limit) {
                return UNDECIDED;
            }
            byte separator = bytes[p++];
            if (separator == ']') {
                return p;
            }
            if (separator != ',') {
                return UNDECIDED;
            }
        }
    }

    private static int literal(byte[] bytes, int p, int limit, byte[] word) {
        int end = p + word.length;
        return end <= limit && startsWith(bytes, p, word) ? end : UNDECIDED;
    }

    private static int number(byte[] bytes, int p, int limit) {
        int end = p;
        while (end < limit && isNumberByte(bytes[end])) {
            end++;
        }
        if (end == p) {
            return UNDECIDED;
        }
        if (isSmallCanonicalInteger(bytes, p, end)) {
            return end;
        }
        String token = new String(bytes, p, end - p, StandardCharsets.ISO_8859_1);
        return CanonicalJsonScanner.isCanonicalNumber(token) ? end : UNDECIDED;
    }

    private static boolean isSmallCanonicalInteger(byte[] bytes, int start, int end) {
        int digitsStart = bytes[start] == '-' ? start + 1 : start;
        int digits = end - digitsStart;
        if (digits < 1 || digits > MAX_SMALL_INTEGER_DIGITS || (bytes[digitsStart] == '0' && end - start > 1)) {
            return false;
        }
        for (int i = digitsStart; i < end; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumberByte(byte b) {
        return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
    }

    /** A string with canonical escapes and well-formed UTF-8; returns the index after its closing quote. */
    private static int string(byte[] bytes, int p, int limit) {
        if (p >= limit || bytes[p] != '"') {
            return UNDECIDED;
        }
        int i = p + 1;
        while (i < limit) {
            while (PLAIN[bytes[i] & 0xFF] && ++i < limit) {
            }
            if (i >= limit) {
                return UNDECIDED;
            }
            int c = bytes[i] & 0xFF;
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i = escape(bytes, i, limit);
            } else if (c >= 0x80) {
                i = utf8Sequence(bytes, i, limit, c);
            } else {
                return UNDECIDED; // a control character
            }
            if (i < 0) {
                return UNDECIDED;
            }
        }
        return UNDECIDED;
    }

    /** The minimal escapes of RFC 8785: the short forms, and {@code \}{@code u00xx} (lowercase) for the other controls. */
    private static int escape(byte[] bytes, int i, int limit) {
        if (i + 1 >= limit) {
            return UNDECIDED;
        }
        switch (bytes[i + 1]) {
            case '"', '\\', 'b', 'f', 'n', 'r', 't' -> {
                return i + 2;
            }
            case 'u' -> {
                if (i + 5 >= limit) {
                    return UNDECIDED;
                }
                int code = 0;
                for (int k = i + 2; k < i + 6; k++) {
                    int digit = lowercaseHexDigit(bytes[k]);
                    if (digit < 0) {
                        return UNDECIDED;
                    }
                    code = code * 16 + digit;
                }
                boolean shortFormExists = code == '\b' || code == '\f' || code == '\n' || code == '\r' || code == '\t';
                return code < 0x20 && !shortFormExists ? i + 6 : UNDECIDED;
            }
            default -> {
                return UNDECIDED;
            }
        }
    }

    private static int lowercaseHexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        return b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
    }

    /** A well-formed UTF-8 sequence (no overlong forms, surrogates or code points above U+10FFFF). */
    private static int utf8Sequence(byte[] bytes, int i, int limit, int lead) {
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
                max = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
            if (lead == 0xF0) {
                min = 0x90;
            } else if (lead == 0xF4) {
                max = 0x8F;
            }
        } else {
            return UNDECIDED;
        }
        if (i + continuation >= limit) {
            return UNDECIDED;
        }
        for (int k = 1; k <= continuation; k++) {
            int c = bytes[i + k] & 0xFF;
            if (c < min || c > max) {
                return UNDECIDED;
            }
            min = 0x80;
            max = 0xBF;
        }
        return i + continuation + 1;
    }

    /** {@code "name":} for each name. */
    private static byte[][] members(String... names) {
        byte[][] members = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            members[i] = ('"' + names[i] + "\":").getBytes(StandardCharsets.US_ASCII);
        }
        return members;
    }

    private static byte[][] ascii(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }
}
