package dev.vigil.bastion.recording;

/**
 * The text a terminal session printed, for reading rather than replay: the output events of an asciicast with escape
 * sequences (colours, cursor movement, titles, clipboard requests) and other control characters removed, carriage
 * returns folded, so that nothing a target printed can act on the reader's screen.
 */
public final class Transcript {

    private Transcript() {
    }

    /** Plain text of already-concatenated terminal output. */
    public static String plain(String output) {
        StringBuilder text = new StringBuilder(output.length());
        int i = 0;
        while (i < output.length()) {
            char c = output.charAt(i);
            if (c == '\u001b') {
                i = skipEscape(output, i + 1);
                continue;
            }
            if (c == '\n' || c == '\t' || c >= ' ' && c != '\u007f' && !(c >= '\u0080' && c < '\u00a0')) {
                text.append(c);
            }
            i++;
        }
        return text.toString();
    }

    private static int skipEscape(String s, int i) {
        if (i >= s.length()) {
            return i;
        }
        char kind = s.charAt(i);
        if (kind == '[') {
            int j = i + 1;
            while (j < s.length() && !(s.charAt(j) >= 0x40 && s.charAt(j) <= 0x7e)) {
                j++;
            }
            return j + 1;
        }
        if (kind == ']' || kind == 'P' || kind == '_' || kind == '^') {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != '\u0007' && !(s.charAt(j) == '\u001b' && j + 1 < s.length() && s.charAt(j + 1) == '\\')) {
                j++;
            }
            return j < s.length() && s.charAt(j) == '\u001b' ? j + 2 : j + 1;
        }
        return i + 1;
    }
}
