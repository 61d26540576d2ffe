package dev.vigil.detect.sigma.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.prefilter.LiteralRequirement.Kind;
import dev.vigil.detect.sigma.prefilter.LiteralRequirement.Literal;

/** Each kind of literal is found exactly when the value has it that way (fragments: at least then). */
class FieldLiteralsTest {

    private static final String ALPHABET = "ab\\.-";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void findsWholeValuesPrefixesSuffixesAndFragments() {
        List<Literal> literals = List.of(Literal.contains("cmd"), new Literal(Kind.EQUALS, "cmd.exe"),
                new Literal(Kind.PREFIX, "c:\\windows\\"), new Literal(Kind.SUFFIX, "\\cmd.exe"),
                new Literal(Kind.SUFFIX, ".exe"));
        FieldLiterals field = new FieldLiterals(literals, false);
        assertThat(found(field, literals.size(), "c:\\windows\\system32\\cmd.exe")).containsExactly(0, 2, 3, 4);
        assertThat(found(field, literals.size(), "cmd.exe")).containsExactly(0, 1, 4);
        assertThat(found(field, literals.size(), "notepad.exe")).containsExactly(4);
        assertThat(found(field, literals.size(), "notepad.exe c:\\windows\\")).isEmpty();
        assertThat(found(field, literals.size(), "")).isEmpty();
    }

    @Property(tries = 400)
    void agreesWithNaiveSearch(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LinkedHashSet<Literal> distinct = new LinkedHashSet<>();
        int count = 1 + random.nextInt(40);
        for (int i = 0; i < count; i++) {
            distinct.add(new Literal(Kind.values()[random.nextInt(4)], text(random, 1 + random.nextInt(6))));
        }
        List<Literal> literals = new ArrayList<>(distinct);
        boolean longText = random.nextBoolean();
        FieldLiterals field = new FieldLiterals(literals, longText);
        for (int t = 0; t < 20; t++) {
            String value = text(random, random.nextInt(longText ? 60 : 12));
            List<Integer> expected = new ArrayList<>();
            for (int id = 0; id < literals.size(); id++) {
                if (literals.get(id).occursIn(value)) {
                    expected.add(id);
                }
            }
            assertThat(found(field, literals.size(), value)).as("%s in %s", literals, value).isEqualTo(expected);
        }
    }

    /**
     * Keyword searches look at each value as parsed: ASCII values are folded on the fly, others (Kelvin sign, long s,
     * dotted capital I fold to or next to ASCII letters) through the value's folded text; both find what the folded
     * text has.
     */
    @Property(tries = 300)
    void keywordSearchOfParsedValuesAgreesWithTheFoldedText(@ForAll long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        LinkedHashSet<Literal> distinct = new LinkedHashSet<>();
        int count = 1 + random.nextInt(40);
        boolean onlyLong = random.nextBoolean();
        for (int i = 0; i < count; i++) {
            Kind kind = onlyLong ? Kind.CONTAINS : Kind.values()[random.nextInt(4)];
            distinct.add(new Literal(kind, text(random, "abks\\.", (onlyLong ? 4 : 1) + random.nextInt(8))));
        }
        List<Literal> literals = new ArrayList<>(distinct);
        FieldLiterals field = new FieldLiterals(literals, true);
        JsonEventParser parser = new JsonEventParser();
        for (int t = 0; t < 20; t++) {
            String value = text(random, random.nextInt(4) == 0 ? "abABkKsS\\.\u212a\u017f\u0130" : "abABkKsS\\.",
                    random.nextInt(60));
            FieldValue parsed = parser.parse(JSON.writeValueAsString(Map.of("v", value)), 1).field("v");
            long[] expected = new long[(literals.size() + 63) / 64];
            field.find(FieldValue.fold(value), expected);
            long[] bits = new long[expected.length];
            field.findFolding(parsed, bits);
            assertThat(bits).as("%s in %s", literals, value).isEqualTo(expected);
        }
    }

    private static String text(SplittableRandom random, int length) {
        return text(random, ALPHABET, length);
    }

    private static String text(SplittableRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static List<Integer> found(FieldLiterals field, int count, String value) {
        long[] bits = new long[(count + 63) / 64];
        field.find(value, bits);
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            if ((bits[id >>> 6] & (1L << id)) != 0) {
                ids.add(id);
            }
        }
        return ids;
    }
}
