package dev.vigil.events.parse.auth;

import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.text.IpLiterals;
import dev.vigil.events.parse.text.NumberText;

/**
 * Where a connection came from, as authentication messages write it: {@code 10.0.0.5 port 51514}, sometimes preceded
 * by who it was ({@code authenticating user root 10.0.0.5 port 22}).
 *
 * @param before  the text before the address ({@code authenticating user root}), or ""
 * @param address the address or host name
 * @param port    the port, or null
 */
record RemoteAddress(String before, String address, Long port) {
    private static final String PORT = " port ";

    /** Reads {@code ADDRESS[ port N]} at {@code at}; the address ends at a space, the port at a non-digit. */
    static RemoteAddress readAt(String text, int at) {
        int end = text.indexOf(' ', at);
        end = end < 0 ? text.length() : end;
        if (end == at) {
            return null;
        }
        String address = text.substring(at, end);
        Long port = null;
        if (text.startsWith(PORT, end)) {
            int digitsStart = end + PORT.length();
            int digitsEnd = digitsStart;
            while (digitsEnd < text.length() && NumberText.isDigit(text.charAt(digitsEnd))) {
                digitsEnd++;
            }
            port = NumberText.parseLong(text, digitsStart, digitsEnd);
        }
        return new RemoteAddress("", address, port);
    }

    /** Reads {@code [BEFORE ]ADDRESS[ port N]} where the address is the last word (or the one before "port N"). */
    static RemoteAddress fromEnd(String segment) {
        String rest = segment.strip();
        Long port = null;
        int portAt = rest.lastIndexOf(PORT);
        if (portAt >= 0) {
            port = NumberText.parseLong(rest, portAt + PORT.length(), rest.length());
            if (port != null) {
                rest = rest.substring(0, portAt);
            }
        }
        int space = rest.lastIndexOf(' ');
        String address = rest.substring(space + 1);
        if (address.isEmpty()) {
            return null;
        }
        return new RemoteAddress(space < 0 ? "" : rest.substring(0, space), address, port);
    }

    /** Writes {@code source.ip} (or {@code source.domain} for a host name) and {@code source.port}. */
    void writeSource(EventFields fields) {
        if (IpLiterals.isIp(address)) {
            fields.put("source.ip", address);
        } else if (isHostName(address)) {
            fields.put("source.domain", address);
        }
        if (port != null) {
            fields.put("source.port", port.longValue());
        }
    }

    private static boolean isHostName(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                return false;
            }
        }
        return text.indexOf('.') > 0;
    }
}
