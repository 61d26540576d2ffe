package dev.vigil.detect.sigma.prefilter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.vigil.detect.event.FieldValue;

/**
 * Finds a literal that every match of a regular expression must contain, so the (possibly backtracking) regex only runs
 * on values that contain it. Conservative: only literal characters in the top-level sequence count (groups, classes and
 * optional atoms end a run); a top-level alternation or comments mode yields none. The literal is returned case-folded,
 * to be looked for in the folded value: containing it exactly implies containing it folded, whatever the regex flags.
 */
public final class RegexLiterals {

    private static final Pattern COMMENTS_FLAG = Pattern.compile("\\(\\?[a-zA-Z]*x");
    /** letters that, escaped, are classes, anchors or special characters rather than themselves */
    private static final String NON_LITERAL_ESCAPES = "dDwWsSbBAzZGhHvVRXNpPkQEntrfaecuxl0123456789";

    private RegexLiterals() {
    }

    /** The longest required literal (folded), or null when none can be derived. */
    public static String required(String regex, int flags) {
        String best = null;
        for (String run : requiredInOrder(regex, flags)) {
            if (best == null || run.length() > best.length()) {
                best = run;
            }
        }
        return best;
    }

    /**
     * Every literal run of the top-level sequence (folded), in the order a match contains them, without overlapping;
     * empty when none can be derived. A regex such as {@code \+.*\+.*\+} needs its three {@code +} in order, which
     * an {@code indexOf} per run checks in one pass before the backtracking engine runs.
     */
    public static List<String> requiredInOrder(String regex, int flags) {
        if ((flags & Pattern.COMMENTS) != 0 || COMMENTS_FLAG.matcher(regex).find()) {
            return List.of();
        }
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            int atomEnd;
            Character literal = null;
            switch (c) {
                case '|':
                    return List.of();
                case '\\':
                    if (i + 1 >= n) {
                        return List.of();
                    }
                    char escaped = regex.charAt(i + 1);
                    if (NON_LITERAL_ESCAPES.indexOf(escaped) < 0 && !Character.isLetterOrDigit(escaped)) {
                        literal = escaped;
                    }
                    atomEnd = i + 2;
                    break;
                case '[':
                    atomEnd = skipClass(regex, i);
                    break;
                case '(':
                    atomEnd = skipGroup(regex, i);
                    break;
                case '.', '^', '$':
                    atomEnd = i + 1;
                    break;
                case '*', '+', '?', '{', ')', ']':
                    // a quantifier without an atom or stray bracket: do not guess
                    return List.of();
                default:
                    literal = c;
                    atomEnd = i + 1;
            }
            if (atomEnd < 0) {
                return List.of();
            }
            int quantifierEnd = skipQuantifier(regex, atomEnd);
            boolean optional = quantifierEnd > atomEnd && isOptional(regex, atomEnd);
            boolean repeated = quantifierEnd > atomEnd;
            if (literal != null && !optional && literal < 128) {
                run.append(literal);
            }
            if (literal == null || optional || repeated || literal >= 128) {
                endRun(run, runs);
            }
            i = quantifierEnd;
        }
        endRun(run, runs);
        return runs;
    }

    private static void endRun(StringBuilder run, List<String> runs) {
        if (!run.isEmpty()) {
            runs.add(FieldValue.fold(run.toString()));
            run.setLength(0);
        }
    }

    private static boolean isOptional(String regex, int at) {
        char q = regex.charAt(at);
        if (q == '*' || q == '?') {
            return true;
        }
        // {0}, {0,n}, {,n}
        return q == '{' && at + 1 < regex.length() && (regex.charAt(at + 1) == '0' || regex.charAt(at + 1) == ',');
    }

    /** End of a quantifier (with lazy/possessive suffix) starting at {@code at}, or {@code at} when there is none. */
    private static int skipQuantifier(String regex, int at) {
        if (at >= regex.length()) {
            return at;
        }
        char q = regex.charAt(at);
        int end;
        if (q == '*' || q == '+' || q == '?') {
            end = at + 1;
        } else if (q == '{') {
            int close = regex.indexOf('}', at);
            if (close < 0 || !regex.substring(at + 1, close).matches("\\d*,?\\d*")) {
                return at;
            }
            end = close + 1;
        } else {
            return at;
        }
        if (end < regex.length() && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) {
            end++;
        }
        return end;
    }

    private static int skipClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    private static int skipGroup(String regex, int open) {
        int depth = 0;
        int i = open;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                i = skipClass(regex, i);
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return -1;
    }
}
