package dev.vigil.detect.sigma.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.sigma.value.SigmaString;
import dev.vigil.detect.sigma.value.StringToken;

/**
 * OR of many string values of one field, sorted by shape so that most values are a hash lookup or a plain
 * {@code startsWith}/{@code endsWith}/{@code indexOf}; only values with inner wildcards use a {@link GlobPattern}.
 * Case-insensitive values compare with the folded event text, {@code cased} values with the text as is.
 */
final class StringSetTest implements ValueTest {

    private final Shapes folded;
    private final Shapes cased;

    private static final class Shapes {
        final Set<String> exact = new HashSet<>();
        final List<String> prefixes = new ArrayList<>();
        final List<String> suffixes = new ArrayList<>();
        final List<String> infixes = new ArrayList<>();
        final List<GlobPattern> globs = new ArrayList<>();
        String[] prefixArray;
        String[] suffixArray;
        String[] infixArray;
        GlobPattern[] globArray;

        void add(SigmaString value, boolean fold) {
            List<StringToken> t = value.tokens();
            int n = t.size();
            if (value.isPlain()) {
                exact.add(fold(value.plainText(), fold));
            } else if (n == 2 && t.get(0) instanceof StringToken.AnyChars && t.get(1) instanceof StringToken.Literal l) {
                suffixes.add(fold(l.text(), fold));
            } else if (n == 2 && t.get(0) instanceof StringToken.Literal l && t.get(1) instanceof StringToken.AnyChars) {
                prefixes.add(fold(l.text(), fold));
            } else if (n == 3 && t.get(0) instanceof StringToken.AnyChars && t.get(1) instanceof StringToken.Literal l
                    && t.get(2) instanceof StringToken.AnyChars) {
                infixes.add(fold(l.text(), fold));
            } else {
                globs.add(new GlobPattern(value, fold));
            }
        }

        private static String fold(String text, boolean fold) {
            return fold ? FieldValue.fold(text) : text;
        }

        Shapes freeze() {
            prefixArray = prefixes.toArray(String[]::new);
            suffixArray = suffixes.toArray(String[]::new);
            infixArray = infixes.toArray(String[]::new);
            globArray = globs.toArray(GlobPattern[]::new);
            return this;
        }

        boolean isEmpty() {
            return exact.isEmpty() && prefixes.isEmpty() && suffixes.isEmpty() && infixes.isEmpty() && globs.isEmpty();
        }

        boolean matches(String text) {
            if (!exact.isEmpty() && exact.contains(text)) {
                return true;
            }
            for (String prefix : prefixArray) {
                if (text.startsWith(prefix)) {
                    return true;
                }
            }
            for (String suffix : suffixArray) {
                if (text.endsWith(suffix)) {
                    return true;
                }
            }
            for (String infix : infixArray) {
                if (text.contains(infix)) {
                    return true;
                }
            }
            for (GlobPattern glob : globArray) {
                if (glob.matches(text)) {
                    return true;
                }
            }
            return false;
        }
    }

    StringSetTest(List<SigmaString> values) {
        Shapes foldedShapes = new Shapes();
        Shapes casedShapes = new Shapes();
        for (SigmaString value : values) {
            if (value.cased()) {
                casedShapes.add(value, false);
            } else {
                foldedShapes.add(value, true);
            }
        }
        this.folded = foldedShapes.isEmpty() ? null : foldedShapes.freeze();
        this.cased = casedShapes.isEmpty() ? null : casedShapes.freeze();
    }

    @Override
    public boolean test(FieldValue value, Event event) {
        if (value.raw() == null) {
            return false;
        }
        return (folded != null && folded.matches(value.folded())) || (cased != null && cased.matches(value.text()));
    }
}
