package dev.vigil.vuln.advisory.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alpine (apk) package versions: {@code numbers[letter][_suffix[n]]...[~hash][-rN]}. Numbers compare as numbers (a
 * later number with a leading zero as a decimal fraction, as apk does), a letter sorts after none, suffixes
 * {@code _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p}, then the package revision.
 */
public final class AlpineVersion implements VersionScheme {

    private static final Pattern FORM = Pattern.compile(
            "(\\d+(?:\\.\\d+)*)([a-z])?((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\\d*)*)(?:~[0-9a-f]+)?(?:-r(\\d+))?");
    private static final Pattern SUFFIX = Pattern.compile("_(alpha|beta|pre|rc|cvs|svn|git|hg|p)(\\d*)");
    private static final List<String> SUFFIX_ORDER = List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public int compare(String a, String b) throws IncomparableVersionException {
        Matcher x = parse(a);
        Matcher y = parse(b);
        String[] nx = x.group(1).split("\\.");
        String[] ny = y.group(1).split("\\.");
        for (int i = 0; i < Math.min(nx.length, ny.length); i++) {
            int c = i > 0 && (nx[i].startsWith("0") || ny[i].startsWith("0"))
                    ? Integer.signum(nx[i].compareTo(ny[i]))
                    : Numbers.compare(nx[i], ny[i]);
            if (c != 0) {
                return c;
            }
        }
        if (nx.length != ny.length) {
            return Integer.compare(nx.length, ny.length);
        }
        int c = Integer.compare(x.group(2) == null ? 0 : x.group(2).charAt(0), y.group(2) == null ? 0 : y.group(2).charAt(0));
        if (c != 0) {
            return c;
        }
        List<String[]> sx = suffixes(x.group(3));
        List<String[]> sy = suffixes(y.group(3));
        for (int i = 0; i < Math.max(sx.size(), sy.size()); i++) {
            String[] p = i < sx.size() ? sx.get(i) : new String[] {"", "0"};
            String[] q = i < sy.size() ? sy.get(i) : new String[] {"", "0"};
            c = Integer.compare(SUFFIX_ORDER.indexOf(p[0]), SUFFIX_ORDER.indexOf(q[0]));
            if (c == 0) {
                c = Numbers.compare(p[1], q[1]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Numbers.compare(x.group(4) == null ? "0" : x.group(4), y.group(4) == null ? "0" : y.group(4));
    }

    private Matcher parse(String version) throws IncomparableVersionException {
        Matcher m = FORM.matcher(version == null ? "" : version.strip());
        if (!m.matches()) {
            throw new IncomparableVersionException(name(), version, "expected numbers[letter][_suffix][-rN]");
        }
        return m;
    }

    private static List<String[]> suffixes(String text) {
        List<String[]> list = new ArrayList<>();
        Matcher m = SUFFIX.matcher(text == null ? "" : text);
        while (m.find()) {
            list.add(new String[] {m.group(1), m.group(2).isEmpty() ? "0" : m.group(2)});
        }
        return list;
    }
}
