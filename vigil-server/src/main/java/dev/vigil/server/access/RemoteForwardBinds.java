package dev.vigil.server.access;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.vigil.server.platform.web.ProblemException;

/**
 * The listeners a grant's {@code remote-forward} channel may ask the target for, as {@code address:port}: the bind
 * address as the operator's client sends it ({@code localhost} for a plain {@code ssh -R 8080:…}, {@code *} for all
 * addresses, or any) and the port ({@code 0}: the target picks one, {@code *}: any). A remote-forward grant must list at
 * least one: a listener on the target opens a way into the operator's network.
 */
public final class RemoteForwardBinds {

    private static final Pattern BIND = Pattern.compile("(\\*|[a-z0-9][a-z0-9.-]{0,252}|[0-9a-f:]{2,39}|\\[[0-9a-f:]{2,39}]):(\\*|[0-9]{1,5})");

    private RemoteForwardBinds() {
    }

    /** Validates and normalises (lower case, distinct) the binds of a new grant; a 400 names the bad one. */
    static List<String> parse(List<String> binds, boolean remoteForwardGranted) {
        List<String> normalised = binds == null ? List.of() : binds.stream().map(b -> b == null ? "" : b.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (!remoteForwardGranted) {
            if (!normalised.isEmpty()) {
                throw ProblemException.badRequest("invalid-input", "binds apply to the remote-forward channel only; add \"remote-forward\" to channels");
            }
            return normalised;
        }
        if (normalised.isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "the remote-forward channel needs binds: the address:port listeners it allows on the target "
                    + "(e.g. \"localhost:8080\"; port 0 lets the target pick one)");
        }
        normalised.forEach(RemoteForwardBinds::check);
        return normalised;
    }

    private static void check(String bind) {
        var matcher = BIND.matcher(bind);
        if (!matcher.matches() || !matcher.group(2).equals("*") && Integer.parseInt(matcher.group(2)) > 65535) {
            throw ProblemException.badRequest("invalid-input", "bind '" + bind + "' must be address:port (address a host name, an IP address or *; "
                    + "port 0-65535 or *)");
        }
    }

    /** Whether {@code bind} ({@code address:port} as the gateway reports it) is among {@code allowed}. */
    public static boolean allows(List<String> allowed, String bind) {
        String wanted = bind.toLowerCase(Locale.ROOT);
        int colon = wanted.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        String address = wanted.substring(0, colon);
        String port = wanted.substring(colon + 1);
        return allowed.stream().anyMatch(a -> {
            int split = a.lastIndexOf(':');
            String allowedAddress = a.substring(0, split);
            String allowedPort = a.substring(split + 1);
            return (allowedAddress.equals("*") || allowedAddress.equals(address)) && (allowedPort.equals("*") || allowedPort.equals(port));
        });
    }
}
