package dev.vigil.vuln.advisory.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic Versioning 2.0.0 precedence (npm, Go modules, crates.io, Hex, Pub, OSV {@code SEMVER} ranges). A leading
 * {@code v} (Go) is accepted, build metadata is ignored as the specification says, and a missing minor or patch
 * number reads as 0 ({@code 1.2} = {@code 1.2.0}, as CVE records and node-semver's coercion write them).
 */
public final class SemVer implements VersionScheme {

    private static final Pattern FORM = Pattern.compile(
            "v?(0|[1-9]\\d*)(?:\\.(0|[1-9]\\d*))?(?:\\.(0|[1-9]\\d*))?(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

    @Override
    public String name() {
        return "SemVer";
    }

    @Override
    public int compare(String a, String b) throws IncomparableVersionException {
        Matcher x = parse(a);
        Matcher y = parse(b);
        for (int group = 1; group <= 3; group++) {
            int c = Numbers.compare(orZero(x.group(group)), orZero(y.group(group)));
            if (c != 0) {
                return c;
            }
        }
        return comparePrerelease(x.group(4), y.group(4));
    }

    private static int comparePrerelease(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xNumeric = Numbers.isDigits(x[i]);
            boolean yNumeric = Numbers.isDigits(y[i]);
            int c;
            if (xNumeric && yNumeric) {
                c = Numbers.compare(x[i], y[i]);
            } else if (xNumeric != yNumeric) {
                c = xNumeric ? -1 : 1;
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private Matcher parse(String version) throws IncomparableVersionException {
        Matcher m = FORM.matcher(version == null ? "" : version.strip());
        if (!m.matches()) {
            throw new IncomparableVersionException(name(), version, "expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]");
        }
        return m;
    }

    private static String orZero(String number) {
        return number == null ? "0" : number;
    }
}
