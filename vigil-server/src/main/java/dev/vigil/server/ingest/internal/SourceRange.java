package dev.vigil.server.ingest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An IP address or CIDR range ("10.0.0.0/8", "2001:db8::/32", "192.0.2.7") that identifies syslog senders. */
public record SourceRange(byte[] network, int prefixLength, String text) {

    /** Parses a literal address or range; empty when the text is not one (host names are not accepted). */
    public static Optional<SourceRange> parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!looksLikeLiteral(address)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                return Optional.empty();
            }
        }
        return Optional.of(new SourceRange(bytes, prefix, trimmed));
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int restBits = prefixLength % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - restBits)) & 0xff;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Only IPv4 dotted quads and IPv6 literals; InetAddress.getByName would otherwise resolve host names. */
    private static boolean looksLikeLiteral(String address) {
        if (address.isEmpty()) {
            return false;
        }
        if (address.indexOf(':') >= 0) {
            return address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
