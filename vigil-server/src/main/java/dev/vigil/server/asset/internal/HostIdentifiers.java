package dev.vigil.server.asset.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Canonical forms of the names and addresses assets are matched by, so the same host is found however it is spelled. */
public final class HostIdentifiers {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

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
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
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
        if (value.isEmpty() || address(value).isPresent() || !HOSTNAME.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
