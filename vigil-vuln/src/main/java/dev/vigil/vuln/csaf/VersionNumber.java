package dev.vigil.vuln.csaf;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSAF version ({@code /document/tracking/version} or a revision number): integer versioning ({@code 0}, {@code 1},
 * ...) or semantic versioning 2.0.0, compared by semver precedence (build metadata ignored).
 */
record VersionNumber(boolean semantic, long major, long minor, long patch, String preRelease) implements Comparable<VersionNumber> {

    private static final Pattern INTEGER = Pattern.compile("0|[1-9][0-9]*");
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    /** The version, or null when the text is neither an integer nor a semantic version. */
    static VersionNumber parse(String text) {
        if (text == null) {
            return null;
        }
        if (INTEGER.matcher(text).matches()) {
            return new VersionNumber(false, Long.parseLong(text), 0, 0, null);
        }
        Matcher m = SEMVER.matcher(text);
        if (m.matches()) {
            return new VersionNumber(true, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)), m.group(4));
        }
        return null;
    }

    boolean isPreRelease() {
        return preRelease != null;
    }

    /** {@code 0} or {@code 0.y.z}: a version before the first release. */
    boolean isBeforeFirstRelease() {
        return major == 0;
    }

    /** The same version without its pre-release part. */
    VersionNumber release() {
        return new VersionNumber(semantic, major, minor, patch, null);
    }

    @Override
    public int compareTo(VersionNumber other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease == null || other.preRelease == null) {
            return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
        }
        return comparePreRelease(List.of(preRelease.split("\\.")), List.of(other.preRelease.split("\\.")));
    }

    private static int comparePreRelease(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xNumeric = x.chars().allMatch(Character::isDigit);
            boolean yNumeric = y.chars().allMatch(Character::isDigit);
            int c;
            if (xNumeric && yNumeric) {
                c = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
            } else if (xNumeric || yNumeric) {
                c = xNumeric ? -1 : 1;
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
