package dev.vigil.intel.canonical;

/** Reads the decimal prefix length after the slash of a CIDR. */
final class PrefixLength {

    private PrefixLength() {
    }

    /** The length in {@code text[from..]}, or -1 when it is not a decimal 0..max without leading zeros. */
    static int parse(String text, int from, int max) {
        int to = text.length();
        if (from >= to || to - from > 3 || (to - from > 1 && text.charAt(from) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }
}
