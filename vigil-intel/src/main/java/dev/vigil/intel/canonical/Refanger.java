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

    private Refanger() {
    }

    public static String refang(String text) {
        if (text.indexOf('[') < 0 && text.indexOf('(') < 0 && text.indexOf('{') < 0 && text.indexOf('\\') < 0
                && !containsDefangedScheme(text)) {
            return text;
        }
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

    /** Cheap pre-check on the hot path: any "xp" (as in hxxp, fxp) sends the value through the full rewrite. */
    private static boolean containsDefangedScheme(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            char next = text.charAt(i + 1);
            if ((c == 'x' || c == 'X') && (next == 'p' || next == 'P')) {
                return true;
            }
        }
        return false;
    }
}
