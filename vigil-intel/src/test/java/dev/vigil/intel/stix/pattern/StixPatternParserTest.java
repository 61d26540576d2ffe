package dev.vigil.intel.stix.pattern;

import dev.vigil.intel.stix.pattern.ComparisonExpression.Operator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StixPatternParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "[ipv4-addr:value = '198.51.100.0/24']",
        "[domain-name:value == 'evil.test']",
        "[file:size <> 10]",
        "[file:size NOT >= 10 AND file:size < +20]",
        "[file:hashes.'SHA-256' = '" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12" + "']",
        "[file:hashes.MD5 IN ('0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210')]",
        "[network-traffic:dst_port IN (80, 443) AND network-traffic:protocols[*] = 'tcp']",
        "[network-traffic:dst_port NOT IN ()]",
        "[x-custom-thing:props[-1].'odd key'.leaf = true]",
        "[email-message:from_ref.value LIKE '%@evil.test' OR email-message:subject MATCHES '^Invoice \\\\d+$']",
        "[ipv6-addr:value ISSUPERSET '2001:db8::/64'] OR [ipv4-addr:value NOT ISSUBSET '203.0.113.0/24']",
        "[EXISTS windows-registry-key:values[*].data]",
        "[artifact:payload_bin = b'AAAA' OR artifact:payload_bin = b'AAA=' OR artifact:payload_bin = b'AA==']",
        "[file:magic_number_hex = h''] FOLLOWEDBY [file:magic_number_hex = h'0aFF']",
        "[process:created > t'2024-01-01T00:00:00Z' AND process:created <= t'2024-12-31T23:59:60.999999Z']",
        "[a:b = -1.5 OR a:b = .5 OR a:b = -0]",
        "[a:b = 1] AND ([c:d = 2] OR [e:f = 3]) FOLLOWEDBY [g:h = 4] WITHIN 2.5 SECONDS REPEATS 3 TIMES",
        "([a:b = 1] WITHIN 5 SECONDS) WITHIN 10 SECONDS",
        "[a:b = 1] START t'2024-01-01T00:00:00Z' STOP t'2024-01-02T00:00:00Z' WITHIN 1 SECONDS",
        "  ( ( [a:b = 1] /* comments are skipped */ ) )",
        "[a:b = 'it\\'s \\\\ quoted'] // trailing comment",
        "[a:b=1]\n\tAND\r\n[c:d=2]",
        "[file:hashes.sha1 = 'ABCDEF0123ABCDEF0123ABCDEF0123ABCDEF0123'] START t'2024-01-01T00:00:00Z' STOP "
            + "t'2024-01-02T00:00:00Z'",
    })
    void acceptsValidPatterns(String pattern) throws InvalidPatternException {
        assertThat(StixPatternParser.parse(pattern).text()).isEqualTo(pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "ipv4-addr:value = '1.2.3.4'",
        "/* comment first */ [a:b = 1]",
        "[]",
        "[a:b = 1",
        "[a:b = 1]]",
        "[a:b 1]",
        "[a.b = 1]",
        "[a:b-c = 1]",
        "[a:b.c-d = 1]",
        "[a:b = evil]",
        "[a:b = \"double quoted\"]",
        "[a:b = 'bad escape \\d']",
        "[a:b = 'unterminated]",
        "[a:b = 01]",
        "[a:b and c:d = 1]",
        "[a:b = 1] and [c:d = 1]",
        "[a:b = 1] within 5 seconds",
        "[a:b = 1] WITHIN 5 MINUTES",
        "[a:b = 1] WITHIN -5 SECONDS",
        "[a:b = 1] REPEATS 1.5 TIMES",
        "[a:b = 1] START '2024-01-01T00:00:00Z' STOP t'2024-01-02T00:00:00Z'",
        "[a:b = 1] START t'2024-01-01T00:00:00Z'",
        "[a:b > true]",
        "[a:b LIKE 5]",
        "[a:b IN 'x']",
        "[a:b IN (1,)]",
        "[a:b NOT EXISTS]",
        "[NOT EXISTS a:b]",
        "[a:b[x] = 1]",
        "[a:b[1.5] = 1]",
        "[a:b = h'abc']",
        "[a:b = b'abcde']",
        "[a:b = b'']",
        "[a:b = t'2024-02-01T24:00:00Z']",
        "[a:b = t'2024-02-01T12:00:00+01:00']",
        "[a:b = 1] FOLLOWEDBY",
        "([a:b = 1]",
        "[a:b = 1] WITHIN 1 SECONDS REPEATS 2 TIMES WITHIN 3 SECONDS",
        "[file:hashes.MD5 = 'not-a-hash']",
        "[file:hashes.'sha-1' = '0123']",
        "[file:hashes.MD5 IN ('0123456789abcdef0123456789abcdef', 'short')]",
        "[a:b = 1] \u0000",
        "[a:b = 1] ; DROP TABLE",
    })
    void rejectsInvalidPatterns(String pattern) {
        assertThatThrownBy(() -> StixPatternParser.parse(pattern))
                .isInstanceOf(InvalidPatternException.class)
                .hasMessageNotContaining("Exception");
        assertThat(StixPatternParser.isValid(pattern)).isFalse();
    }

    @Test
    void reasonsSayWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> StixPatternParser.parse("[file:size = ]"))
                .hasMessage("at column 14: expected a literal (string in single quotes, number, true/false, b'..', "
                        + "h'..' or t'..'), found ']'");
        assertThatThrownBy(() -> StixPatternParser.parse("[a:b = 1] WITHIN 5 HOURS"))
                .hasMessageContaining("SECONDS").hasMessageContaining("'HOURS'");
        assertThatThrownBy(() -> StixPatternParser.parse("[a:b = t'2024-13-01T00:00:00Z']"))
                .hasMessageContaining("malformed timestamp").hasMessageContaining("month 01-12");
        assertThatThrownBy(() -> StixPatternParser.parse("[file:hashes.'SHA-256' = 'f00']"))
                .hasMessageContaining("'f00' is not a valid SHA-256 hash");
        assertThatThrownBy(() -> StixPatternParser.parse("[a:b = 1] REPEATS 2 TIMES REPEATS 3 TIMES"))
                .hasMessageContaining("duplicate REPEATS qualifier");
        assertThatThrownBy(() -> StixPatternParser.parse("x:y = 1")).hasMessageContaining("must start with '['");
    }

    @Test
    void buildsTheSyntaxTreeWithTheGrammarsPrecedence() throws InvalidPatternException {
        StixPattern pattern = StixPatternParser.parse(
                "[a:x = 1] OR [b:y = 2] AND [c:z = 3] WITHIN 5 SECONDS FOLLOWEDBY [d:w = 4]");
        var followedBy = (ObservationExpression.Combination) pattern.root();
        assertThat(followedBy.operator()).isEqualTo(ObservationExpression.Operator.FOLLOWEDBY);
        var or = (ObservationExpression.Combination) followedBy.left();
        assertThat(or.operator()).isEqualTo(ObservationExpression.Operator.OR);
        var and = (ObservationExpression.Combination) or.right();
        assertThat(and.operator()).isEqualTo(ObservationExpression.Operator.AND);
        var within = (ObservationExpression.Qualified) and.right();
        assertThat(within.qualifier()).isEqualTo(new Qualifier.Within(new BigDecimal("5")));
    }

    @Test
    void readsPathsAndLiterals() throws InvalidPatternException {
        StixPattern pattern = StixPatternParser.parse(
                "[file:extensions.'windows-pebinary-ext'.sections[*].entropy NOT > 7.5 OR file:name = 'a\\'b']");
        var observation = (ObservationExpression.Observation) pattern.root();
        var or = (ComparisonExpression.Combination) observation.comparison();
        var entropy = (ComparisonExpression.Test) or.left();
        assertThat(entropy.path().objectType()).isEqualTo("file");
        assertThat(entropy.path().steps()).containsExactly(new ObjectPath.Property("extensions"),
                new ObjectPath.Property("windows-pebinary-ext"), new ObjectPath.Property("sections"),
                new ObjectPath.AnyIndex(), new ObjectPath.Property("entropy"));
        assertThat(entropy.negated()).isTrue();
        assertThat(entropy.operator()).isEqualTo(Operator.GT);
        assertThat(entropy.value()).isEqualTo(new Literal.FloatValue(new BigDecimal("7.5"), "7.5"));
        var name = (ComparisonExpression.Test) or.right();
        assertThat(((Literal.StringValue) name.value()).value()).isEqualTo("a'b");
    }

    @Test
    void decodesBinaryHexAndTimestampLiterals() throws InvalidPatternException {
        var test = (ComparisonExpression.Test) ((ObservationExpression.Observation) StixPatternParser
                .parse("[a:b IN (b'aGk=', h'00ff', t'2024-02-29T10:00:00.5Z', t'2023-02-29T10:00:00Z')]").root())
                .comparison();
        List<Literal> elements = ((Literal.SetValue) test.value()).elements();
        assertThat(((Literal.BinaryValue) elements.get(0)).bytes()).containsExactly('h', 'i');
        assertThat(((Literal.HexValue) elements.get(1)).bytes()).containsExactly(0, -1);
        assertThat(((Literal.TimestampValue) elements.get(2)).instant()).hasToString("2024-02-29T10:00:00.500Z");
        assertThat(((Literal.TimestampValue) elements.get(3)).instant()).as("range-valid, not a real date").isNull();
    }

    @Test
    void rejectsHostileNestingWithoutOverflowingTheStack() {
        String deep = "(".repeat(100_000) + "[a:b = 1]" + ")".repeat(100_000);
        assertThatThrownBy(() -> StixPatternParser.parse(deep)).hasMessageContaining("nested deeper");
        String deepInside = "[" + "(".repeat(100_000) + "a:b = 1" + ")".repeat(100_000) + "]";
        assertThatThrownBy(() -> StixPatternParser.parse(deepInside)).hasMessageContaining("nested deeper");
    }
}
