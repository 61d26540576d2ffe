package dev.vigil.intel.canonical;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Undoes the usual defanging of indicators shared as text: {@code hxxp://}, {@code [.]}, {@code (.)}, {@code [dot]},
 * {@code [:]}, {@code [@]}, {@code [at]} and similar. Values that are not defanged come back unchanged.
 */
public final class Refanger {

    private static final Pattern SCHEME = Pattern.compile("(?i)\\b(hxxps?|fxps?)(\\[:\\]|:)//");
    private static final Pattern DOT = Pattern.compile("(?i)\\[\\.\\]|\\(\\.\\)|\\{\\.\\}|\\[dot\\]|\\(dot\\)|\\{dot\\}|\\\\\\.");
    private static final Pattern AT = Pattern.compile("(?i)\\[@\\]|\\(@\\)|\\{@\\}|\\[at\\]|\\(at\\)|\\{at\\}");
    private static final Pattern COLON = Pattern.compile("\\[:\\]");
    private static final Pattern SLASHES = Pattern.compile("\\[/\\]");

    /** Per ASCII character: {@link #ALWAYS} when it starts a defanging, {@link #BEFORE_P} for 'x' and 'X', else 0. */
    private static final byte[] TRIGGERS = new byte[128];
    private static final byte ALWAYS = 1;
    private static final byte BEFORE_P = 2;

    static {
        for (char c : new char[] {'[', '(', '{', '\\'}) {
            TRIGGERS[c] = ALWAYS;
        }
        TRIGGERS['x'] = BEFORE_P;
        TRIGGERS['X'] = BEFORE_P;
    }

    private Refanger() {
    }

    public static String refang(String text) {
        return mayBeDefanged(text) ? rewrite(text) : text;
    }

    /** Every rewrite, applied whether or not the text looks defanged. */
    static String rewrite(String text) {
        String result = text;
        result = SCHEME.matcher(result).replaceAll(scheme -> switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "hxxp" -> "http://";
            case "hxxps" -> "https://";
            case "fxp" -> "ftp://";
            default -> "ftps://";
        });
        result = DOT.matcher(result).replaceAll(".");
        result = AT.matcher(result).replaceAll("@");
        result = COLON.matcher(result).replaceAll(":");
        return SLASHES.matcher(result).replaceAll("/");
    }

    /**
     * The check on the hot path, one pass over the text with one table read per character: every defanging above
     * contains '[', '(', '{' or '\', or a scheme holding "xp" (as in hxxp, fxp), in any case; text with none of them is
     * never rewritten.
     */
    private static boolean mayBeDefanged(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c < TRIGGERS.length && TRIGGERS[c] != 0
                    && (TRIGGERS[c] == ALWAYS || (i < last && (text.charAt(i + 1) | 0x20) == 'p'))) {
                return true;
            }
        }
        return false;
    }
}
