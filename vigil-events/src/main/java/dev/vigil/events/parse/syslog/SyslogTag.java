package dev.vigil.events.parse.syslog;

/**
 * The TAG of a BSD syslog line: {@code sshd[1291]:}, {@code kernel:}, {@code sshd(pam_unix)[19939]:}, and the odd
 * forms real systems write such as {@code syslogd 1.4.1:} or {@code -- root[2421]:}.
 *
 * @param tag          the tag as written, without the pid and colon ({@code sshd(pam_unix)})
 * @param program      the program name ({@code sshd}, {@code syslogd}, {@code root})
 * @param module       what the tag named in parentheses after the program ({@code pam_unix}), or null
 * @param pid          the text between the brackets, or null
 * @param messageStart where the message begins
 */
record SyslogTag(String tag, String program, String module, String pid, int messageStart) {
    /** Tags are short; a colon further away belongs to the message. */
    private static final int MAX_LENGTH = 48;
    private static final int MAX_PID_LENGTH = 20;

    /** The tag starting at {@code at}, or null when the text there has no tag (then it is all message). */
    static SyslogTag read(String text, int at) {
        if (at < text.length() && text.charAt(at) == '[') {
            return null;
        }
        int limit = Math.min(text.length(), at + MAX_LENGTH);
        int spaces = 0;
        for (int i = at; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '[' && i > at) {
                return withPid(text, at, i);
            }
            if (c == ':' && i > at && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return of(text.substring(at, i), null, messageStart(text, i + 1));
            }
            if (c == ' ' && ++spaces > 1 || c == '\n' || c == '\t') {
                return null;
            }
        }
        return null;
    }

    private static SyslogTag withPid(String text, int at, int open) {
        int close = text.indexOf(']', open + 1);
        if (close < 0 || close - open - 1 > MAX_PID_LENGTH) {
            return null;
        }
        int after = close + 1;
        if (after < text.length() && text.charAt(after) == ':') {
            after++;
        }
        return of(text.substring(at, open), text.substring(open + 1, close), messageStart(text, after));
    }

    private static int messageStart(String text, int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static SyslogTag of(String tag, String pid, int messageStart) {
        String name = tag;
        String module = null;
        int paren = name.indexOf('(');
        if (paren > 0 && name.endsWith(")")) {
            module = name.substring(paren + 1, name.length() - 1);
            name = name.substring(0, paren);
        }
        return new SyslogTag(tag, programName(name), module, pid, messageStart);
    }

    /** The first word, unless it has no letter or digit ({@code --}): then the last one. */
    private static String programName(String name) {
        int space = name.indexOf(' ');
        if (space < 0) {
            return name;
        }
        String first = name.substring(0, space);
        return hasLetterOrDigit(first) ? first : name.substring(name.lastIndexOf(' ') + 1);
    }

    private static boolean hasLetterOrDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
