package dev.vigil.vuln.advisory.version;

/**
 * Versions made only of numbers and dots ({@code 2.5.6}, {@code 10.0.19041}), compared number by number with missing
 * numbers as 0. Used for CVE records whose {@code versionType} is {@code custom} or absent: anything else in such a
 * record (e.g. {@code 8.0U2}, {@code n/a}) has no defined order, so it is refused rather than guessed.
 */
public final class DottedNumericVersion implements VersionScheme {

    @Override
    public String name() {
        return "dotted numeric";
    }

    @Override
    public int compare(String a, String b) throws IncomparableVersionException {
        String[] x = parse(a);
        String[] y = parse(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Numbers.compare(i < x.length ? x[i] : "0", i < y.length ? y[i] : "0");
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private String[] parse(String version) throws IncomparableVersionException {
        String text = version == null ? "" : version.strip();
        String[] parts = text.split("\\.", -1);
        for (String part : parts) {
            if (!Numbers.isDigits(part)) {
                throw new IncomparableVersionException(name(), version, "only numbers separated by dots have an order here");
            }
        }
        return parts;
    }
}
