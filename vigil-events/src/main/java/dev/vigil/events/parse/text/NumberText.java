package dev.vigil.events.parse.text;

/** Reads integers from text without exceptions, so that malformed input costs no more than well-formed input. */
public final class NumberText {
    private static final int MAX_DECIMAL_DIGITS = 18;
    private static final int MAX_HEX_DIGITS = 15;

    private NumberText() {
    }

    /** A decimal integer with an optional leading minus, or null when {@code text} is not one (or too long). */
    public static Long parseLong(String text) {
        return text == null ? null : parseLong(text, 0, text.length());
    }

    public static Long parseLong(CharSequence text, int from, int to) {
        boolean negative = from < to && text.charAt(from) == '-';
        int start = negative ? from + 1 : from;
        int digits = to - start;
        if (digits <= 0 || digits > MAX_DECIMAL_DIGITS) {
            return null;
        }
        long value = 0;
        for (int i = start; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /** A decimal integer, or a hexadecimal one written {@code 0x...} (Windows writes process ids that way). */
    public static Long parseDecimalOrHex(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            return parseHex(text, 2, text.length());
        }
        return parseLong(text);
    }

    static Long parseHex(CharSequence text, int from, int to) {
        int digits = to - from;
        if (digits <= 0 || digits > MAX_HEX_DIGITS) {
            return null;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return null;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
