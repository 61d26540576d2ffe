package dev.vigil.bastion.template;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Strict IP address literals, without any name lookup: IPv4 as four decimal octets without leading zeros (so no octal
 * or shortened forms that tools read differently), IPv6 as RFC 4291 text (hex groups, one {@code ::}, an IPv4 tail),
 * without zone ids.
 */
final class IpAddresses {

    private static final Pattern OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern GROUP = Pattern.compile("[0-9a-f]{1,4}");

    private IpAddresses() {
    }

    /** 4 or 6 for a valid literal, 0 otherwise. */
    static int family(String text) {
        if (isIpv4(text)) {
            return 4;
        }
        return isIpv6(text) ? 6 : 0;
    }

    static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!OCTET.matcher(part).matches() || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        if (s.length() < 2 || s.length() > 45 || !s.contains(":")) {
            return false;
        }
        int groups = 0;
        String tail = s;
        int lastColon = s.lastIndexOf(':');
        if (s.substring(lastColon + 1).contains(".")) {
            if (!isIpv4(s.substring(lastColon + 1))) {
                return false;
            }
            groups += 2;
            // the IPv4 part (two groups) stands in as one placeholder group checked below
            tail = s.substring(0, lastColon + 1) + "0";
            groups -= 1;
        }
        int doubleColon = tail.indexOf("::");
        if (doubleColon >= 0 && tail.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] sides = doubleColon >= 0 ? new String[] {tail.substring(0, doubleColon), tail.substring(doubleColon + 2)} : new String[] {tail};
        for (String side : sides) {
            if (side.isEmpty()) {
                continue;
            }
            for (String group : side.split(":", -1)) {
                if (!GROUP.matcher(group).matches()) {
                    return false;
                }
                groups++;
            }
        }
        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }
}
