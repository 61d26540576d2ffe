package dev.vigil.events.parse.access;

/**
 * The parts of a common or combined log line, as written (not yet interpreted).
 *
 * @param referrer  null in the common format
 * @param userAgent null in the common format
 */
record AccessLogLine(String client, String user, String time, String request, String status, String bytes,
                     String referrer, String userAgent) {

    /** The parts of {@code text}, or null when it does not have the common-log structure. */
    static AccessLogLine read(String text) {
        int clientEnd = text.indexOf(' ');
        if (clientEnd <= 0) {
            return null;
        }
        int identEnd = text.indexOf(' ', clientEnd + 1);
        if (identEnd < 0) {
            return null;
        }
        int userEnd = text.indexOf(" [", identEnd);
        if (userEnd <= identEnd || userEnd - identEnd > 256) {
            return null;
        }
        int timeEnd = text.indexOf("] \"", userEnd);
        if (timeEnd < 0 || timeEnd - userEnd > 40) {
            return null;
        }
        int[] position = {timeEnd + 2};
        String request = quoted(text, position);
        if (request == null) {
            return null;
        }
        String status = word(text, position);
        String bytes = word(text, position);
        if (status == null || bytes == null) {
            return null;
        }
        String referrer = quoted(text, position);
        String userAgent = referrer == null ? null : quoted(text, position);
        return new AccessLogLine(text.substring(0, clientEnd), text.substring(identEnd + 1, userEnd),
                text.substring(userEnd + 2, timeEnd), request, status, bytes, referrer, userAgent);
    }

    /** The next space-separated word after the position; null when there is none. */
    private static String word(String text, int[] position) {
        int start = position[0];
        while (start < text.length() && text.charAt(start) == ' ') {
            start++;
        }
        int end = start;
        while (end < text.length() && text.charAt(end) != ' ') {
            end++;
        }
        position[0] = end;
        return end > start ? text.substring(start, end) : null;
    }

    /** The next quoted part with {@code \"} and {@code \\} unescaped; null when there is none or it is unclosed. */
    private static String quoted(String text, int[] position) {
        int start = position[0];
        while (start < text.length() && text.charAt(start) == ' ') {
            start++;
        }
        if (start >= text.length() || text.charAt(start) != '"') {
            return null;
        }
        boolean escaped = false;
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && isEscapable(text.charAt(i + 1))) {
                escaped = true;
                i++;
            } else if (c == '"') {
                position[0] = i + 1;
                return escaped ? unescape(text, start + 1, i) : text.substring(start + 1, i);
            }
        }
        return null;
    }

    private static String unescape(String text, int from, int to) {
        StringBuilder value = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < to && isEscapable(text.charAt(i + 1))) {
                c = text.charAt(++i);
            }
            value.append(c);
        }
        return value.toString();
    }

    private static boolean isEscapable(char c) {
        return c == '"' || c == '\\';
    }
}
