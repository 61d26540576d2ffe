package dev.vigil.intel.canonical;

import java.util.Locale;

/**
 * A URL read for matching (the canonical form is described in {@link UrlNormalizer}): where each part that the
 * canonical form keeps lies in the refanged text, found in one pass without copying any part. {@link #toString()} is
 * the canonical string; {@link #writeLatin1} writes the same characters as bytes into one array, so a lookup can probe
 * a table with them without building the string part by part.
 */
public final class CanonicalUrl {

    private static final int NO_PORT = -1;

    private final String text;
    /** End of the scheme (the ':' of {@code ://}), or -1 when the text has none and {@code http} is assumed. */
    private final int schemeEnd;
    private final int hostStart;
    private final int hostEnd;
    /** The port to write, or {@link #NO_PORT} when the text has none or it is the scheme's default. */
    private final int port;
    private final int pathStart;
    private final int pathEnd;
    /** End of the query; the query is {@code (pathEnd, queryEnd)} and is written only when not empty. */
    private final int queryEnd;

    private CanonicalUrl(String text, int schemeEnd, int hostStart, int hostEnd, int port, int pathStart, int pathEnd,
            int queryEnd) {
        this.text = text;
        this.schemeEnd = schemeEnd;
        this.hostStart = hostStart;
        this.hostEnd = hostEnd;
        this.port = port;
        this.pathStart = pathStart;
        this.pathEnd = pathEnd;
        this.queryEnd = queryEnd;
    }

    /** The URL in {@code text}, or null when there is no host or the port is not a number. */
    public static CanonicalUrl parse(String text) {
        String value = Refanger.refang(text.strip());
        int schemeEnd = schemeEnd(value);
        int authorityStart = schemeEnd > 0 ? schemeEnd + 3 : 0;
        int authorityEnd = authorityEnd(value, authorityStart);
        int fragment = value.indexOf('#', authorityEnd);
        int end = fragment < 0 ? value.length() : fragment;
        int question = value.indexOf('?', authorityEnd);
        int pathEnd = question >= 0 && question < end ? question : end;

        int at = value.lastIndexOf('@', authorityEnd - 1);
        int hostStart = at >= authorityStart ? at + 1 : authorityStart;
        int hostEnd = authorityEnd;
        int colon = value.lastIndexOf(':', authorityEnd - 1);
        int port = NO_PORT;
        // A ':' before a ']' is inside a bracketed IPv6 host, not a port separator.
        if (colon >= hostStart && value.indexOf(']', colon, authorityEnd) < 0) {
            hostEnd = colon;
            if (colon + 1 < authorityEnd) {
                port = parsePort(value, colon + 1, authorityEnd);
                if (port < 0) {
                    return null;
                }
            }
        }
        if (hostEnd == hostStart) {
            return null;
        }
        if (port == defaultPort(value, schemeEnd)) {
            port = NO_PORT;
        }
        return new CanonicalUrl(value, schemeEnd, hostStart, hostEnd, port, authorityEnd, pathEnd, end);
    }

    /** The canonical form's length when {@link #writeLatin1} can write it (its host then keeps its length in lower case). */
    public int latin1Length() {
        int length = (schemeEnd > 0 ? schemeEnd : 4) + 3 + (hostEnd - hostStart);
        if (port != NO_PORT) {
            length += 1 + digits(port);
        }
        length += pathEnd > pathStart ? pathEnd - pathStart : 1;
        if (queryEnd > pathEnd + 1) {
            length += queryEnd - pathEnd;
        }
        return length;
    }

    /**
     * Writes the canonical form into {@code out} (at least {@link #latin1Length()} long), one byte per character, and
     * returns true; returns false, with {@code out} partly written, when the host or the path or query holds a
     * character beyond U+00FF (whose lower case {@link #toString()} works out with the whole of Unicode).
     */
    public boolean writeLatin1(byte[] out) {
        int at;
        if (schemeEnd > 0) {
            for (at = 0; at < schemeEnd; at++) {
                out[at] = (byte) lowerAscii(text.charAt(at));
            }
        } else {
            at = writeAscii("http", out, 0);
        }
        at = writeAscii("://", out, at);
        for (int i = hostStart; i < hostEnd; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return false;
            }
            out[at++] = (byte) Character.toLowerCase(c);
        }
        if (port != NO_PORT) {
            out[at++] = ':';
            for (int rest = port, i = at + digits(port) - 1; i >= at; i--, rest /= 10) {
                out[i] = (byte) ('0' + rest % 10);
            }
            at += digits(port);
        }
        if (pathEnd == pathStart) {
            out[at++] = '/';
        } else {
            at = writeLatin1(pathStart, pathEnd, out, at);
            if (at < 0) {
                return false;
            }
        }
        return queryEnd <= pathEnd + 1 || writeLatin1(pathEnd, queryEnd, out, at) >= 0;
    }

    /** The canonical URL. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(text.length() + 1);
        out.append(schemeEnd > 0 ? text.substring(0, schemeEnd).toLowerCase(Locale.ROOT) : "http").append("://")
                .append(text.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT));
        if (port != NO_PORT) {
            out.append(':').append(port);
        }
        if (pathEnd == pathStart) {
            out.append('/');
        } else {
            out.append(text, pathStart, pathEnd);
        }
        if (queryEnd > pathEnd + 1) {
            out.append(text, pathEnd, queryEnd);
        }
        return out.toString();
    }

    /** Copies {@code text[from, to)} to {@code out} at {@code at}; the position after it, or -1 at a character beyond U+00FF. */
    private int writeLatin1(int from, int to, byte[] out, int at) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return -1;
            }
            out[at++] = (byte) c;
        }
        return at;
    }

    private static int writeAscii(String ascii, byte[] out, int at) {
        for (int i = 0; i < ascii.length(); i++) {
            out[at++] = (byte) ascii.charAt(i);
        }
        return at;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static int digits(int port) {
        return port < 10 ? 1 : port < 100 ? 2 : port < 1000 ? 3 : port < 10000 ? 4 : 5;
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

    /** The first '/', '?' or '#' from {@code from}, or the end of the text. */
    private static int authorityEnd(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return value.length();
    }

    /** The decimal port in {@code value[from, to)} (not empty), or -1 when it is not one. */
    private static int parsePort(String value, int from, int to) {
        if (to - from > 5) {
            return -1;
        }
        int port = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535 ? port : -1;
    }

    /** The default port of the scheme ending at {@code schemeEnd} (http when -1), or -1 when it has none here. */
    private static int defaultPort(String value, int schemeEnd) {
        if (schemeEnd < 0 || isScheme(value, schemeEnd, "http") || isScheme(value, schemeEnd, "ws")) {
            return 80;
        }
        if (isScheme(value, schemeEnd, "https") || isScheme(value, schemeEnd, "wss")) {
            return 443;
        }
        return isScheme(value, schemeEnd, "ftp") ? 21 : -1;
    }

    private static boolean isScheme(String value, int schemeEnd, String scheme) {
        return schemeEnd == scheme.length() && value.regionMatches(true, 0, scheme, 0, schemeEnd);
    }
}
