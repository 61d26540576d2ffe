package dev.vigil.server.access;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.vigil.server.platform.web.ProblemException;

/**
 * The destinations a grant's {@code forward} channel may reach, as {@code host:port} (a host name or IPv4 address as
 * the client names it; the port may be {@code *}); none means any destination the target can reach.
 */
public final class ForwardDestinations {

    private static final Pattern DESTINATION = Pattern.compile("([a-z0-9][a-z0-9.-]{0,252}):(\\*|[0-9]{1,5})");

    private ForwardDestinations() {
    }

    /** Validates and normalises (lower case, distinct) the destinations of a new grant; a 400 names the bad one. */
    static List<String> parse(List<String> destinations, boolean forwardGranted) {
        if (destinations == null || destinations.isEmpty()) {
            return List.of();
        }
        if (!forwardGranted) {
            throw ProblemException.badRequest("invalid-input", "destinations apply to the forward channel only; add \"forward\" to channels");
        }
        List<String> normalised = destinations.stream().map(d -> d == null ? "" : d.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        normalised.forEach(ForwardDestinations::check);
        return normalised;
    }

    private static void check(String destination) {
        var matcher = DESTINATION.matcher(destination);
        if (!matcher.matches() || !matcher.group(2).equals("*") && (Integer.parseInt(matcher.group(2)) < 1 || Integer.parseInt(matcher.group(2)) > 65535)) {
            throw ProblemException.badRequest("invalid-input", "destination '" + destination + "' must be host:port (port 1-65535 or *)");
        }
    }

    /** Whether {@code destination} ({@code host:port} as the gateway reports it) is among {@code allowed} (empty: any). */
    public static boolean allows(List<String> allowed, String destination) {
        if (allowed.isEmpty()) {
            return true;
        }
        String wanted = destination.toLowerCase(Locale.ROOT);
        int colon = wanted.lastIndexOf(':');
        String host = colon < 0 ? wanted : wanted.substring(0, colon);
        return allowed.stream().anyMatch(a -> a.equals(wanted) || a.endsWith(":*") && a.substring(0, a.length() - 2).equals(host));
    }
}
