package dev.vigil.detect.sigma.value;

import java.util.Arrays;

/**
 * Parses IPv4 and IPv6 address literals into bytes without any name resolution (which {@code InetAddress.getByName}
 * could trigger for event values that are host names).
 */
public final class IpAddress {

    private IpAddress() {
    }

    /** 4 or 16 bytes, or null when {@code text} is not an address literal. */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    }

    private static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = parseNumber(parts[i], 10, 3);
            if (value < 0 || value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    private static byte[] parseV6(String text) {
        int zone = text.indexOf('%');
        String address = zone >= 0 ? text.substring(0, zone) : text;
        int gap = address.indexOf("::");
        if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] head = groups(gap >= 0 ? address.substring(0, gap) : address, false);
        byte[] tail = gap >= 0 ? groups(address.substring(gap + 2), true) : new byte[0];
        if (head == null || tail == null) {
            return null;
        }
        int total = head.length + tail.length;
        if (gap < 0 ? total != 16 : total > 14) {
            return null;
        }
        byte[] out = new byte[16];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, 16 - tail.length, tail.length);
        return out;
    }

    /** Colon-separated hex groups; the last group may be an embedded IPv4 address. */
    private static byte[] groups(String text, boolean afterGap) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        String[] parts = text.split(":", -1);
        byte[] out = new byte[parts.length * 2 + 2];
        int length = 0;
        for (int i = 0; i < parts.length; i++) {
            if (i == parts.length - 1 && parts[i].indexOf('.') >= 0) {
                byte[] v4 = parseV4(parts[i]);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, length, 4);
                length += 4;
            } else {
                int value = parseNumber(parts[i], 16, 4);
                if (value < 0) {
                    return null;
                }
                out[length++] = (byte) (value >> 8);
                out[length++] = (byte) value;
            }
        }
        return Arrays.copyOf(out, length);
    }

    private static int parseNumber(String digits, int radix, int maxLength) {
        if (digits.isEmpty() || digits.length() > maxLength) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) {
                return -1;
            }
            value = value * radix + d;
        }
        return value;
    }
}
