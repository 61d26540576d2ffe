package dev.vigil.vuln.advisory.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian and Ubuntu package versions as dpkg orders them: {@code [epoch:]upstream[-revision]}, each part compared by
 * dpkg's {@code verrevcmp} (letters before other characters, {@code ~} before everything, even the end).
 */
public final class DebianVersion implements VersionScheme {

    private static final Pattern FORM = Pattern.compile("(?:(\\d+):)?([0-9A-Za-z.+~:-]+?)(?:-([0-9A-Za-z.+~]+))?");

    @Override
    public String name() {
        return "dpkg";
    }

    @Override
    public int compare(String a, String b) throws IncomparableVersionException {
        Matcher x = parse(a);
        Matcher y = parse(b);
        int c = Numbers.compare(x.group(1) == null ? "0" : x.group(1), y.group(1) == null ? "0" : y.group(1));
        if (c == 0) {
            c = verrevcmp(x.group(2), y.group(2));
        }
        return c != 0 ? c : verrevcmp(x.group(3) == null ? "" : x.group(3), y.group(3) == null ? "" : y.group(3));
    }

    private Matcher parse(String version) throws IncomparableVersionException {
        String text = version == null ? "" : version.strip();
        int hyphen = text.lastIndexOf('-');
        Matcher m = FORM.matcher(text);
        if (!m.matches() || (hyphen >= 0 && m.group(3) == null)) {
            throw new IncomparableVersionException(name(), version, "expected [epoch:]upstream[-revision]");
        }
        return m;
    }

    static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return Integer.signum(ac - bc);
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }

    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (isDigit(c)) {
            return 0;
        }
        if (Character.isLetter(c)) {
            return c;
        }
        return c == '~' ? -1 : c + 256;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
