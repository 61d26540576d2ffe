package dev.vigil.vuln.advisory.version;

/**
 * RPM package versions (Red Hat, SUSE, openSUSE, Rocky Linux, AlmaLinux, ...): {@code [epoch:]version[-release]},
 * each part compared by rpm's {@code rpmvercmp} ({@code ~} sorts before everything, {@code ^} after the version it
 * extends, digits after letters). The release is compared only when both sides have one, as rpm does for
 * dependency ranges.
 */
public final class RpmVersion implements VersionScheme {

    @Override
    public String name() {
        return "rpm";
    }

    @Override
    public int compare(String a, String b) throws IncomparableVersionException {
        String[] x = parse(a);
        String[] y = parse(b);
        int c = Numbers.compare(x[0], y[0]);
        if (c == 0) {
            c = rpmvercmp(x[1], y[1]);
        }
        if (c == 0 && x[2] != null && y[2] != null) {
            c = rpmvercmp(x[2], y[2]);
        }
        return c;
    }

    /** Epoch (0 when absent), version, release (null when absent). */
    private String[] parse(String evr) throws IncomparableVersionException {
        String text = evr == null ? "" : evr.strip();
        String epoch = "0";
        int colon = text.indexOf(':');
        if (colon >= 0) {
            epoch = text.substring(0, colon);
            text = text.substring(colon + 1);
            if (!Numbers.isDigits(epoch)) {
                throw new IncomparableVersionException(name(), evr, "the epoch before ':' must be a number");
            }
        }
        int hyphen = text.lastIndexOf('-');
        String version = hyphen < 0 ? text : text.substring(0, hyphen);
        String release = hyphen < 0 ? null : text.substring(hyphen + 1);
        if (version.isEmpty() || (release != null && release.isEmpty()) || text.chars().anyMatch(Character::isWhitespace)
                || version.indexOf(':') >= 0) {
            throw new IncomparableVersionException(name(), evr, "expected [epoch:]version[-release]");
        }
        return new String[] {epoch, version, release};
    }

    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && separator(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && separator(b.charAt(j))) {
                j++;
            }
            char x = i < a.length() ? a.charAt(i) : 0;
            char y = j < b.length() ? b.charAt(j) : 0;
            if (x == '~' || y == '~') {
                if (x != '~') {
                    return 1;
                }
                if (y != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (x == '^' || y == '^') {
                if (x == 0) {
                    return -1;
                }
                if (y == 0) {
                    return 1;
                }
                if (x != '^') {
                    return 1;
                }
                if (y != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (x == 0 || y == 0) {
                break;
            }
            boolean numeric = isDigit(x);
            int endA = segmentEnd(a, i, numeric);
            int endB = segmentEnd(b, j, numeric);
            if (endB == j) {
                // segments of different kinds: a number is newer than letters
                return numeric ? 1 : -1;
            }
            String segA = a.substring(i, endA);
            String segB = b.substring(j, endB);
            int c = numeric ? Numbers.compare(segA, segB) : Integer.signum(segA.compareTo(segB));
            if (c != 0) {
                return c;
            }
            i = endA;
            j = endB;
        }
        boolean aDone = i >= a.length();
        boolean bDone = j >= b.length();
        if (aDone && bDone) {
            return 0;
        }
        return aDone ? -1 : 1;
    }

    private static int segmentEnd(String s, int from, boolean numeric) {
        int end = from;
        while (end < s.length() && (numeric ? isDigit(s.charAt(end)) : isAsciiLetter(s.charAt(end)))) {
            end++;
        }
        return end;
    }

    private static boolean separator(char c) {
        return !isDigit(c) && !isAsciiLetter(c) && c != '~' && c != '^';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
