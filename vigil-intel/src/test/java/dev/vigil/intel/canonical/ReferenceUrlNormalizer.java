package dev.vigil.intel.canonical;

import java.util.Locale;

/**
 * The string-building URL normaliser that {@link CanonicalUrl} replaced (one substring per part, then the canonical
 * string), kept unchanged as the reference its equivalence is tested against. Semantics as in {@link UrlNormalizer}.
 */
final class ReferenceUrlNormalizer {

    private ReferenceUrlNormalizer() {
    }

    /** The canonical URL, or null when there is no host or the port is not a number. */
    static String normalize(String text) {
        String value = Refanger.refang(text.strip());
        String scheme = "http";
        int schemeEnd = schemeEnd(value);
        int authorityStart = 0;
        if (schemeEnd > 0) {
            scheme = value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            authorityStart = schemeEnd + 3;
        }
        int authorityEnd = indexOfAny(value, authorityStart, "/?#");
        String authority = value.substring(authorityStart, authorityEnd);
        int fragment = value.indexOf('#', authorityEnd);
        String rest = fragment < 0 ? value.substring(authorityEnd) : value.substring(authorityEnd, fragment);
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);

        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host = hostPort;
        String port = "";
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && hostPort.indexOf(']', colon) < 0) {
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length() + 1);
        out.append(scheme).append("://").append(host.toLowerCase(Locale.ROOT));
        if (!port.isEmpty()) {
            int number = parsePort(port);
            if (number < 0) {
                return null;
            }
            if (number != defaultPort(scheme)) {
                out.append(':').append(number);
            }
        }
        out.append(path.isEmpty() ? "/" : path);
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /** Index of the ':' of a leading {@code scheme://}, or -1. */
    private static int schemeEnd(String value) {
        int colon = value.indexOf("://");
        if (colon <= 0) {
            return -1;
        }
        for (int i = 0; i < colon; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return -1;
            }
        }
        return colon;
    }

    private static int indexOfAny(String value, int from, String characters) {
        for (int i = from; i < value.length(); i++) {
            if (characters.indexOf(value.charAt(i)) >= 0) {
                return i;
            }
        }
        return value.length();
    }

    private static int parsePort(String port) {
        if (port.length() > 5) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < port.length(); i++) {
            char c = port.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 65535 ? value : -1;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            case "ftp" -> 21;
            default -> -1;
        };
    }
}
