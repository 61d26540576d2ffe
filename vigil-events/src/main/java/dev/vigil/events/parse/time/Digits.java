package dev.vigil.events.parse.time;

/** Fixed-width decimal fields of timestamps. */
final class Digits {
    private Digits() {
    }

    /** The value of {@code count} digits at {@code at}, or -1 when they are not all digits or run past the end. */
    static int read(CharSequence text, int at, int count) {
        if (at < 0 || at + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static boolean isDigitAt(CharSequence text, int at) {
        return at >= 0 && at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
    }
}
