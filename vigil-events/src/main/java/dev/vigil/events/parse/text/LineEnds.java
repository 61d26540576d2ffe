package dev.vigil.events.parse.text;

/** The NULs and line ends that transports and files leave after a message. */
public final class LineEnds {
    private LineEnds() {
    }

    /** {@code text} without trailing NUL, CR and LF characters; inner ones stay. */
    public static String strip(String text) {
        int end = text.length();
        while (end > 0 && isLineEnd(text.charAt(end - 1))) {
            end--;
        }
        return end == text.length() ? text : text.substring(0, end);
    }

    private static boolean isLineEnd(char c) {
        return c == '\0' || c == '\n' || c == '\r';
    }
}
