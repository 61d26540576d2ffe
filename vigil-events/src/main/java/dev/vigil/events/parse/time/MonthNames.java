package dev.vigil.events.parse.time;

/** English three-letter month abbreviations, as syslog, access logs and CEF write them. */
final class MonthNames {
    private static final String NAMES = "janfebmaraprmayjunjulaugsepoctnovdec";

    private MonthNames() {
    }

    /** The month number 1-12 of the three letters at {@code at} (any case), or 0. */
    static int read(CharSequence text, int at) {
        if (at < 0 || at + 3 > text.length()) {
            return 0;
        }
        char a = Character.toLowerCase(text.charAt(at));
        char b = Character.toLowerCase(text.charAt(at + 1));
        char c = Character.toLowerCase(text.charAt(at + 2));
        for (int month = 0; month < 12; month++) {
            int i = month * 3;
            if (NAMES.charAt(i) == a && NAMES.charAt(i + 1) == b && NAMES.charAt(i + 2) == c) {
                return month + 1;
            }
        }
        return 0;
    }
}
