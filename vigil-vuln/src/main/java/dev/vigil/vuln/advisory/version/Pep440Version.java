package dev.vigil.vuln.advisory.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python package versions as PEP 440 orders them (PyPI): epoch, release numbers (trailing zeros do not count),
 * pre-release a &lt; b &lt; rc, post-release, development release, local label; with PEP 440's normalisation of spellings
 * ({@code alpha}, {@code c}, {@code -1} as post, separators, case, a leading {@code v}).
 */
public final class Pep440Version implements VersionScheme {

    // the regular expression of PEP 440, appendix B
    private static final Pattern FORM = Pattern.compile("""
            v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)\
            (?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?\
            (?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?\
            (?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?\
            (?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?""");

    @Override
    public String name() {
        return "PEP 440";
    }

    @Override
    public int compare(String a, String b) throws IncomparableVersionException {
        return parse(a).compareTo(parse(b));
    }

    private Key parse(String version) throws IncomparableVersionException {
        Matcher m = FORM.matcher(version == null ? "" : version.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IncomparableVersionException(name(), version, "does not follow PEP 440");
        }
        List<String> release = new ArrayList<>(List.of(m.group("release").split("\\.")));
        while (release.size() > 1 && Numbers.compare(release.getLast(), "0") == 0) {
            release.removeLast();
        }
        int preRank = -1;
        String preNumber = "0";
        if (m.group("pre") != null) {
            preRank = switch (m.group("preL")) {
                case "a", "alpha" -> 0;
                case "b", "beta" -> 1;
                default -> 2;
            };
            preNumber = m.group("preN") == null ? "0" : m.group("preN");
        }
        String post = null;
        if (m.group("post") != null) {
            post = m.group("postN1") != null ? m.group("postN1") : m.group("postN2") == null ? "0" : m.group("postN2");
        }
        String dev = m.group("dev") == null ? null : m.group("devN") == null ? "0" : m.group("devN");
        return new Key(m.group("epoch") == null ? "0" : m.group("epoch"), release, preRank, preNumber, post, dev,
                m.group("local") == null ? null : List.of(m.group("local").split("[-_.]")));
    }

    private record Key(String epoch, List<String> release, int preRank, String preNumber, String post, String dev,
            List<String> local) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = Numbers.compare(epoch, o.epoch);
            if (c == 0) {
                c = compareRelease(release, o.release);
            }
            if (c == 0) {
                c = comparePre(o);
            }
            if (c == 0) {
                // no post-release sorts before any post-release
                c = post == null || o.post == null ? Boolean.compare(post != null, o.post != null) : Numbers.compare(post, o.post);
            }
            if (c == 0) {
                // a development release sorts before the release it leads to
                c = dev == null || o.dev == null ? Boolean.compare(dev == null, o.dev == null) : Numbers.compare(dev, o.dev);
            }
            return c == 0 ? compareLocal(local, o.local) : c;
        }

        /** A release without pre-release sorts after its pre-releases; a bare dev release (1.0.dev1) before them. */
        private int comparePre(Key o) {
            return Integer.compare(preOrder(), o.preOrder()) != 0 ? Integer.compare(preOrder(), o.preOrder())
                    : preRank < 0 ? 0 : Numbers.compare(preNumber, o.preNumber);
        }

        private int preOrder() {
            if (preRank < 0 && post == null && dev != null) {
                return -1;
            }
            return preRank < 0 ? 3 : preRank;
        }

        private static int compareRelease(List<String> a, List<String> b) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                int c = Numbers.compare(i < a.size() ? a.get(i) : "0", i < b.size() ? b.get(i) : "0");
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        /** No local label first; numeric segments after alphanumeric ones; a longer label after its prefix. */
        private static int compareLocal(List<String> a, List<String> b) {
            if (a == null || b == null) {
                return Boolean.compare(a != null, b != null);
            }
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                boolean x = Numbers.isDigits(a.get(i));
                boolean y = Numbers.isDigits(b.get(i));
                int c = x && y ? Numbers.compare(a.get(i), b.get(i)) : x != y ? (x ? 1 : -1) : a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return Integer.signum(c);
                }
            }
            return Integer.compare(a.size(), b.size());
        }
    }
}
