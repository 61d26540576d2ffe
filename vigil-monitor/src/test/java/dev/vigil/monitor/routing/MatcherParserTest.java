package dev.vigil.monitor.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MatcherParserTest {

    @Test
    void parsesTheFourOperatorsQuotedAndUnquoted() {
        assertThat(MatcherParser.parse("severity=\"critical\"")).isEqualTo(Matcher.of("severity", Matcher.Type.EQUAL, "critical"));
        assertThat(MatcherParser.parse(" env != prod ")).isEqualTo(Matcher.of("env", Matcher.Type.NOT_EQUAL, "prod"));
        assertThat(MatcherParser.parse("component=~\"case-api|case-worker\"").type()).isEqualTo(Matcher.Type.REGEX);
        assertThat(MatcherParser.parse("job!~\"node.*\"").type()).isEqualTo(Matcher.Type.NOT_REGEX);
        assertThat(MatcherParser.parse("a=\"\"").value()).isEmpty();
    }

    @Test
    void unescapesQuotedValues() {
        assertThat(MatcherParser.parse("msg=\"say \\\"hi\\\" \\\\ now\\n\"").value()).isEqualTo("say \"hi\" \\ now\n");
    }

    @Test
    void parsesBracedCommaSeparatedListsWithCommasInsideQuotes() {
        assertThat(MatcherParser.parseAll("{a=\"1,2\", b=~\"x|y\"}")).containsExactly(
                Matcher.of("a", Matcher.Type.EQUAL, "1,2"), Matcher.of("b", Matcher.Type.REGEX, "x|y"));
    }

    @Test
    void rejectsMalformedMatchers() {
        assertThatThrownBy(() -> MatcherParser.parse("severity")).hasMessageContaining("bad matcher format");
        assertThatThrownBy(() -> MatcherParser.parse("=x")).hasMessageContaining("bad matcher format");
        assertThatThrownBy(() -> MatcherParser.parse("a=\"open")).hasMessageContaining("missing closing quote");
        assertThatThrownBy(() -> MatcherParser.parse("a=~\"(\"")).hasMessageContaining("invalid regex");
        assertThatThrownBy(() -> MatcherParser.parse("1a=\"x\"")).hasMessageContaining("invalid label name");
    }

    @Test
    void regexIsFullyAnchoredAndMissingLabelIsEmpty() {
        Matcher re = MatcherParser.parse("component=~\"case\"");
        assertThat(re.matches(Map.of("component", "case"))).isTrue();
        assertThat(re.matches(Map.of("component", "case-api"))).isFalse();
        assertThat(re.matches(Map.of("component", "showcase"))).isFalse();
        assertThat(MatcherParser.parse("env!=\"prod\"").matches(Map.of())).isTrue();
        assertThat(MatcherParser.parse("env=\"\"").matches(Map.of())).isTrue();
        assertThat(MatcherParser.parse("env=~\".*\"").matches(Map.of())).isTrue();
        assertThat(MatcherParser.parse("env=~\".+\"").matches(Map.of())).isFalse();
        assertThat(MatcherParser.parse("env!~\"prod|stage\"").matches(Map.of("env", "dev"))).isTrue();
        assertThat(MatcherParser.parse("env!~\"prod|stage\"").matches(Map.of("env", "stage"))).isFalse();
    }

    @Property(tries = 300)
    void toStringParsesBackToTheSameMatcher(@ForAll("names") String name, @ForAll Matcher.Type type,
            @ForAll("values") String value) {
        Matcher m = Matcher.of(name, type, type == Matcher.Type.EQUAL || type == Matcher.Type.NOT_EQUAL ? value : "x" + value.replaceAll("[^a-z]", ""));
        assertThat(MatcherParser.parseAll(m.toString())).isEqualTo(List.of(m));
        assertThat(MatcherParser.parseAll("{" + m + "," + m + "}")).isEqualTo(List.of(m, m));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_', '0', '9').ofMinLength(1).ofMaxLength(8)
                .filter(s -> !Character.isDigit(s.charAt(0)));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('"', '\\', ',', ' ', '\n', '{', '}', '=', '~', '!')
                .ofMaxLength(12);
    }
}
