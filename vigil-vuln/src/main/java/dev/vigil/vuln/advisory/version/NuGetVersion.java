package dev.vigil.vuln.advisory.version;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NuGet versions: {@code major.minor[.patch[.revision]][-prerelease][+metadata]}, missing numbers as 0, a release
 * after its pre-releases, pre-release labels compared as SemVer does but without regard to case.
 */
public final class NuGetVersion implements VersionScheme {

    private static final Pattern FORM = Pattern.compile(
            "(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-.]+)?");

    @Override
    public String name() {
        return "NuGet";
    }

    @Override
    public int compare(String a, String b) throws IncomparableVersionException {
        Matcher x = parse(a);
        Matcher y = parse(b);
        for (int group = 1; group <= 4; group++) {
            int c = Numbers.compare(x.group(group) == null ? "0" : x.group(group), y.group(group) == null ? "0" : y.group(group));
            if (c != 0) {
                return c;
            }
        }
        String p = x.group(5);
        String q = y.group(5);
        if (p == null || q == null) {
            return p == null ? (q == null ? 0 : 1) : -1;
        }
        try {
            return new SemVer().compare("0.0.0-" + p.toLowerCase(Locale.ROOT), "0.0.0-" + q.toLowerCase(Locale.ROOT));
        } catch (IncomparableVersionException e) {
            throw new IllegalStateException("a label the NuGet form accepted is a SemVer label", e);
        }
    }

    private Matcher parse(String version) throws IncomparableVersionException {
        Matcher m = FORM.matcher(version == null ? "" : version.strip());
        if (!m.matches()) {
            throw new IncomparableVersionException(name(), version, "expected major.minor[.patch[.revision]][-prerelease]");
        }
        return m;
    }
}
