package dev.vigil.detect.sigma.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.vigil.detect.sigma.condition.ConditionException;
import dev.vigil.detect.sigma.condition.ConditionParser;
import dev.vigil.detect.sigma.value.SigmaString;

/** Hostile input never escapes as anything but the documented problem report, and never hangs. */
class SigmaParserPropertiesTest {

    private final SigmaRuleParser parser = new SigmaRuleParser();

    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<String> fragments = Arbitraries.of("title: ", "detection:", "logsource:", "condition: ", "  ", "    ",
                "\n", "- ", "sel", "|contains", "|re", "|all", "|windash", "|base64offset", ": ", "'", "\"", "*", "?", "\\",
                "{", "}", "[", "]", "&a", "*a", "!!binary", "---", "%", "1 of ", "not ", "(", ")", "null", "~", "|cidr",
                "10.0.0.0/33", "|expand", "%x%", "|fieldref", "|exists", "true", "|gt", "abc", "\t", "#", ":");
        return fragments.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 400)
    void arbitraryYamlYieldsDocumentsOrProblemsButNeverThrows(@ForAll("yamlish") String text) {
        SigmaDocuments documents = parser.parse(text, "fuzz.yml");
        assertThat(documents.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo("fuzz.yml"));
        if (documents.problems().isEmpty()) {
            assertThat(documents.rules().size() + documents.correlations().size() + documents.filters().size())
                    .isPositive();
        }
    }

    @Property(tries = 300)
    void arbitraryDetectionValuesNeverThrow(@ForAll("yamlish") String value, @ForAll("modifiers") String modifiers) {
        String yaml = "title: t\nlogsource: {product: x}\ndetection:\n  sel:\n    F" + modifiers + ": '"
                + value.replace("'", "''").replace("\n", " ") + "'\n  condition: sel\n";
        parser.parse(yaml, "fuzz.yml");
    }

    @Provide
    Arbitrary<String> modifiers() {
        return Arbitraries.of("", "|contains", "|re", "|re|i", "|windash", "|base64offset|contains", "|cidr", "|wide|base64",
                "|expand", "|fieldref|endswith", "|lt", "|exists", "|all|startswith", "|utf16be|base64", "|cased|neq");
    }

    @Property(tries = 500)
    void conditionParserOnlyThrowsConditionException(@ForAll("conditions") String condition) {
        try {
            assertThat(ConditionParser.parse(condition, Set.of("sel", "sel_a", "filter", "_x"))).isNotNull();
        } catch (ConditionException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> conditions() {
        return Arbitraries.of("sel", "sel_a", "filter", "and", "or", "not", "(", ")", "1 of", "all of", "any of", "them",
                "sel*", "x*", "|", "count()", " ", "?", "-").list().ofMaxSize(15).map(l -> String.join(" ", l));
    }

    @Property(tries = 500)
    void sigmaStringRoundTripsThroughItsRuleSpelling(@ForAll("stringValues") String raw) {
        SigmaString parsed = SigmaString.parse(raw);
        assertThat(SigmaString.parse(parsed.toString())).isEqualTo(parsed);
    }

    @Provide
    Arbitrary<String> stringValues() {
        return Arbitraries.strings().withChars("ab\\*?%-/ ").ofMaxLength(20);
    }
}
