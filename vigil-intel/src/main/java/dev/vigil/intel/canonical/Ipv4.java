package dev.vigil.intel.canonical;

/**
 * Strict dotted-quad IPv4 parsing into an unsigned 32-bit value held in a {@code long} (so "invalid" can be -1 without
 * boxing). Leading zeros are rejected: {@code 010.0.0.1} is octal to some tools and decimal to others.
 */
public final class Ipv4 {

    public static final long INVALID = -1L;

    private Ipv4() {
    }

    public static long parse(CharSequence text) {
        return parse(text, 0, text.length());
    }

    /** Parses {@code text[from, to)}; returns {@link #INVALID} when it is not exactly one dotted-quad address. */
    public static long parse(CharSequence text, int from, int to) {
        long result = 0;
        int octets = 0;
        int i = from;
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                if (value > 255) {
                    return INVALID;
                }
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || (digits > 1 && text.charAt(start) == '0')) {
                return INVALID;
            }
            result = (result << 8) | value;
            octets++;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != '.' || octets == 4) {
                return INVALID;
            }
            i++;
            if (i == to) {
                return INVALID;
            }
        }
        return octets == 4 ? result : INVALID;
    }

    public static String format(long address) {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    /** The network mask for a prefix length 0..32, as an unsigned 32-bit value. */
    public static long mask(int prefixLength) {
        return prefixLength == 0 ? 0L : (0xFFFF_FFFFL << (32 - prefixLength)) & 0xFFFF_FFFFL;
    }
}
