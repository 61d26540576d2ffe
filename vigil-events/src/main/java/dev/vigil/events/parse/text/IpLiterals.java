package dev.vigil.events.parse.text;

/**
 * Tells whether a string is an IPv4 or IPv6 address literal, without name resolution. Only literals go into
 * {@code source.ip} and {@code destination.ip}: the store indexes them as addresses.
 */
public final class IpLiterals {
    private static final int MAX_IPV6_LENGTH = 45;

    private IpLiterals() {
    }

    public static boolean isIp(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return text.indexOf(':') >= 0 ? isIpv6(text) : isIpv4(text, 0, text.length());
    }

    static boolean isIpv4(String text, int from, int to) {
        int octets = 0;
        int i = from;
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && NumberText.isDigit(text.charAt(i)) && i - start < 3) {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || value > 255) {
                return false;
            }
            octets++;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != '.' || octets == 4) {
                return false;
            }
            i++;
            if (i == to) {
                return false;
            }
        }
        return octets == 4;
    }

    static boolean isIpv6(String text) {
        int length = text.length();
        if (length < 2 || length > MAX_IPV6_LENGTH) {
            return false;
        }
        int groups = 0;
        boolean compressed = false;
        int i = 0;
        if (text.startsWith("::")) {
            compressed = true;
            i = 2;
            if (i == length) {
                return true;
            }
        } else if (text.charAt(0) == ':') {
            return false;
        }
        while (i < length) {
            int start = i;
            while (i < length && i - start < 4 && Character.digit(text.charAt(i), 16) >= 0) {
                i++;
            }
            if (i < length && text.charAt(i) == '.') {
                // an embedded IPv4 address ends the literal and counts as two groups
                return isIpv4(text, start, length) && (compressed ? groups + 2 <= 7 : groups + 2 == 8);
            }
            if (i == start) {
                return false;
            }
            groups++;
            if (i == length) {
                break;
            }
            if (text.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < length && text.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
                if (i == length) {
                    break;
                }
            } else if (i == length) {
                return false;
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }
}
