package dev.vigil.eventstore.mapping;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads IP address literals (dotted-quad IPv4, IPv6) without ever resolving a name: text that is not a literal is
 * rejected before the JDK sees it, because {@link InetAddress#getByName} would otherwise ask DNS.
 */
public final class IpAddressText {

    private IpAddressText() {
    }

    public static Optional<InetAddress> parse(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        char first = text.charAt(0);
        if (first != ':' && Character.digit(first, 16) < 0) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ':' && c != '.' && Character.digit(c, 16) < 0) {
                return Optional.empty();
            }
        }
        try {
            // with a ':' and only hex digits, the JDK parses a literal and never resolves
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> ipv4(String text) {
        byte[] octets = new byte[4];
        int octet = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return Optional.empty();
                }
            } else if (c == '.' && digits > 0 && octet < 4) {
                octets[octet++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return Optional.empty();
            }
        }
        if (octet != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(octets));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
