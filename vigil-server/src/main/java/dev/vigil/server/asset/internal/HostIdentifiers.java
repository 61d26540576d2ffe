package dev.vigil.server.asset.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Canonical forms of the names and addresses assets are matched by, so the same host is found however it is spelled.
 * The enrich stage asks for every event's host name and addresses, so the shapes are checked by hand rather than by
 * regular expressions (they took about half of the enrich stage's time); {@code HostIdentifiersTest} holds the
 * equivalent patterns.
 */
public final class HostIdentifiers {
    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private HostIdentifiers() {
    }

    /** The canonical text of an IP address literal (IPv6 expanded as Java prints it), or empty if it is none. */
    public static Optional<String> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!ipv4Shape(value) && !ipv6Shape(value)) {
            return Optional.empty();
        }
        try {
            // a literal never triggers a DNS lookup
            return Optional.of(InetAddress.getByName(value).getHostAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The lower-case host name without a trailing dot, or empty when the text is not a DNS name. */
    public static Optional<String> hostname(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.isEmpty() || address(value).isPresent() || !dnsName(value)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Four groups of one to three ASCII digits joined by dots. */
    static boolean ipv4Shape(String text) {
        int groups = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
            } else if (c == '.' && digits > 0 && groups < 3) {
                groups++;
                digits = 0;
            } else {
                return false;
            }
        }
        return groups == 3 && digits > 0;
    }

    /** Only hex digits, colons and dots, with at least one colon. */
    static boolean ipv6Shape(String text) {
        boolean colon = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                colon = true;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.')) {
                return false;
            }
        }
        return colon;
    }

    /**
     * At most 253 characters of dot-separated labels, each 1 to 63 of {@code [a-z0-9_-]} that neither starts nor ends
     * with {@code -}.
     */
    static boolean dnsName(String text) {
        int length = text.length();
        if (length < 1 || length > MAX_NAME) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : '.';
            if (c == '.') {
                int labelLength = i - labelStart;
                if (labelLength < 1 || labelLength > MAX_LABEL || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
