package dev.vigil.intel.canonical;

/**
 * A 128-bit IPv6 address as two longs, so that compressed ({@code 2001:db8::1}) and exploded
 * ({@code 2001:0db8:0000:...:0001}) spellings compare equal. Parsing accepts RFC 4291 text forms including an embedded
 * dotted-quad tail and optional surrounding brackets; zone ids are rejected.
 */
public record Ipv6(long high, long low) {

    private static final int GROUPS = 8;

    /** Returns the address or null when {@code text} is not an IPv6 address. */
    public static Ipv6 parse(String text) {
        int from = 0;
        int to = text.length();
        if (to >= 2 && text.charAt(0) == '[' && text.charAt(to - 1) == ']') {
            from = 1;
            to--;
        }
        if (to - from < 2 || to - from > 45) {
            return null;
        }
        int[] groups = new int[GROUPS];
        int count = 0;
        int gap = -1;
        int i = from;
        if (text.charAt(i) == ':') {
            if (text.charAt(i + 1) != ':') {
                return null;
            }
            gap = 0;
            i += 2;
            if (i == to) {
                return new Ipv6(0, 0);
            }
        }
        while (i < to) {
            if (count == GROUPS) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 5) {
                int digit = HexDigit.value(text.charAt(i));
                if (digit < 0) {
                    break;
                }
                value = (value << 4) | digit;
                i++;
            }
            int digits = i - start;
            if (i < to && text.charAt(i) == '.') {
                // Embedded IPv4 tail: must be the last 32 bits.
                long v4 = Ipv4.parse(text, start, to);
                if (v4 == Ipv4.INVALID || count > GROUPS - 2) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = to;
                break;
            }
            if (digits == 0 || digits > 4) {
                return null;
            }
            groups[count++] = value;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < to && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
                if (i == to) {
                    break;
                }
            } else if (i == to) {
                return null;
            }
        }
        if (gap < 0 && count != GROUPS) {
            return null;
        }
        if (gap >= 0 && count == GROUPS) {
            return null;
        }
        int[] full = new int[GROUPS];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, GROUPS - tail, tail);
        }
        long high = 0;
        long low = 0;
        for (int g = 0; g < 4; g++) {
            high = (high << 16) | full[g];
            low = (low << 16) | full[g + 4];
        }
        return new Ipv6(high, low);
    }

    /** This address with all bits after {@code prefixLength} cleared. */
    public Ipv6 masked(int prefixLength) {
        if (prefixLength >= 128) {
            return this;
        }
        if (prefixLength <= 0) {
            return new Ipv6(0, 0);
        }
        if (prefixLength <= 64) {
            long highMask = prefixLength == 64 ? -1L : ~(-1L >>> prefixLength);
            return new Ipv6(high & highMask, 0);
        }
        long lowMask = ~(-1L >>> (prefixLength - 64));
        return new Ipv6(high, low & lowMask);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(39);
        for (int g = 0; g < GROUPS; g++) {
            long word = g < 4 ? high : low;
            int shift = 48 - 16 * (g % 4);
            if (g > 0) {
                out.append(':');
            }
            out.append(Integer.toHexString((int) ((word >>> shift) & 0xFFFF)));
        }
        return out.toString();
    }
}
