package dev.vigil.events.parse.time;

/** The digits after a decimal point of seconds, as nanoseconds; digits beyond nine are read and dropped. */
final class FractionOfSecond {
    private static final int MAX_DIGITS = 32;

    private final int nanos;
    private final int end;

    private FractionOfSecond(int nanos, int end) {
        this.nanos = nanos;
        this.end = end;
    }

    /** Reads the digits starting at {@code at} (just after the point); null when there is no digit or too many. */
    static FractionOfSecond read(CharSequence text, int at) {
        int i = at;
        int nanos = 0;
        int scale = 100_000_000;
        while (i < text.length() && Digits.isDigitAt(text, i)) {
            if (i - at >= MAX_DIGITS) {
                return null;
            }
            nanos += (text.charAt(i) - '0') * scale;
            scale /= 10;
            i++;
        }
        return i == at ? null : new FractionOfSecond(nanos, i);
    }

    int nanos() {
        return nanos;
    }

    int end() {
        return end;
    }
}
