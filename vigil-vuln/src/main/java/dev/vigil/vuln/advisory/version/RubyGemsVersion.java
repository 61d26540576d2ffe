package dev.vigil.vuln.advisory.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RubyGems versions as {@code Gem::Version} orders them: segments of digits or letters, a letter segment marks a
 * pre-release (sorts before numbers), trailing zeros do not count, {@code -} reads as {@code .pre.}.
 */
public final class RubyGemsVersion implements VersionScheme {

    private static final Pattern FORM = Pattern.compile("[0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-z]+", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "RubyGems";
    }

    @Override
    public int compare(String a, String b) throws IncomparableVersionException {
        List<String> x = canonical(a);
        List<String> y = canonical(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            String p = i < x.size() ? x.get(i) : "0";
            String q = i < y.size() ? y.get(i) : "0";
            boolean pn = Numbers.isDigits(p);
            boolean qn = Numbers.isDigits(q);
            int c = pn && qn ? Numbers.compare(p, q) : pn != qn ? (pn ? 1 : -1) : Integer.signum(p.compareTo(q));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private List<String> canonical(String version) throws IncomparableVersionException {
        String text = version == null ? "" : version.strip();
        if (!FORM.matcher(text).matches()) {
            throw new IncomparableVersionException(name(), version, "expected numbers and letters separated by dots");
        }
        List<String> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(text.replace("-", ".pre."));
        while (m.find()) {
            segments.add(m.group());
        }
        int firstLetters = 0;
        while (firstLetters < segments.size() && Numbers.isDigits(segments.get(firstLetters))) {
            firstLetters++;
        }
        List<String> release = dropTrailingZeros(new ArrayList<>(segments.subList(0, firstLetters)));
        release.addAll(dropTrailingZeros(new ArrayList<>(segments.subList(firstLetters, segments.size()))));
        return release;
    }

    private static List<String> dropTrailingZeros(List<String> segments) {
        while (!segments.isEmpty() && Numbers.isDigits(segments.getLast()) && Numbers.compare(segments.getLast(), "0") == 0) {
            segments.removeLast();
        }
        return segments;
    }
}
