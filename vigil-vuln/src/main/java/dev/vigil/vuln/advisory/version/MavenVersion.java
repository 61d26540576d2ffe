package dev.vigil.vuln.advisory.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/** Maven's own ordering ({@code ComparableVersion}: qualifiers alpha &lt; beta &lt; milestone &lt; rc &lt; snapshot &lt; release &lt; sp). */
public final class MavenVersion implements VersionScheme {

    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+-]*");

    @Override
    public String name() {
        return "Maven";
    }

    @Override
    public int compare(String a, String b) throws IncomparableVersionException {
        return Integer.signum(parse(a).compareTo(parse(b)));
    }

    private ComparableVersion parse(String version) throws IncomparableVersionException {
        if (version == null || !FORM.matcher(version).matches()) {
            throw new IncomparableVersionException(name(), version, "expected letters, digits and . - _ +");
        }
        return new ComparableVersion(version);
    }
}
