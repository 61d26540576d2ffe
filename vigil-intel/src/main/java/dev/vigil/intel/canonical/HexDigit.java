package dev.vigil.intel.canonical;

/** ASCII-only hex digit values ({@link Character#digit} also accepts non-ASCII digits, which no address contains). */
final class HexDigit {

    private HexDigit() {
    }

    /** 0..15, or -1 when {@code c} is not 0-9, a-f or A-F. */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
