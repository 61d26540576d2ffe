package dev.vigil.monitor.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.vigil.monitor.promql.ast.Expr;
import dev.vigil.monitor.promql.ast.LabelMatcher;
import dev.vigil.monitor.promql.ast.VectorMatching;
import dev.vigil.monitor.promql.parse.ParseException;
import dev.vigil.monitor.promql.parse.PromqlParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PromqlParserTest {

    @Test
    void multiplicationBindsTighterThanComparisonAndAnd() {
        Expr e = PromqlParser.parse("a / b * 100 < 5 and c == 0");
        assertThat(e).isInstanceOf(Expr.Binary.class);
        Expr.Binary and = (Expr.Binary) e;
        assertThat(and.op()).isEqualTo("and");
        Expr.Binary lt = (Expr.Binary) and.lhs();
        assertThat(lt.op()).isEqualTo("<");
        assertThat(((Expr.Binary) lt.lhs()).op()).isEqualTo("*");
    }

    @Test
    void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
        Expr.Unary neg = (Expr.Unary) PromqlParser.parse("-a ^ b ^ c");
        Expr.Binary pow = (Expr.Binary) neg.expr();
        assertThat(pow.op()).isEqualTo("^");
        assertThat(pow.rhs()).isInstanceOf(Expr.Binary.class);
    }

    @Test
    void selectorsCarryMatchersRangeAndOffset() {
        Expr.MatrixSelector m = (Expr.MatrixSelector) ((Expr.Call) PromqlParser.parse(
                "rate(http_requests_total{job=\"api\", code!~\"2..\"}[5m] offset 1h)")).args().getFirst();
        assertThat(m.rangeMs()).isEqualTo(300_000);
        assertThat(m.selector().offsetMs()).isEqualTo(3_600_000);
        assertThat(m.selector().matchers()).extracting(LabelMatcher::type)
                .containsExactly(LabelMatcher.Type.EQUAL, LabelMatcher.Type.EQUAL, LabelMatcher.Type.NOT_REGEX);
    }

    @Test
    void keywordsAreCaseInsensitiveAndMatchingIsRecorded() {
        Expr.Binary b = (Expr.Binary) PromqlParser.parse("a AND ON (instance, device) b");
        assertThat(b.op()).isEqualTo("and");
        assertThat(b.matching().on()).isTrue();
        assertThat(b.matching().labels()).containsExactly("instance", "device");
        Expr.Binary g = (Expr.Binary) PromqlParser.parse("a * on(x) group_left(y) b");
        assertThat(g.matching().cardinality()).isEqualTo(VectorMatching.Cardinality.MANY_TO_ONE);
        assertThat(g.matching().include()).containsExactly("y");
    }

    @Test
    void aggregationGroupingMayComeBeforeOrAfterTheBody() {
        Expr.Aggregation before = (Expr.Aggregation) PromqlParser.parse("sum without (cpu) (x)");
        Expr.Aggregation after = (Expr.Aggregation) PromqlParser.parse("topk(3, x) by (job)");
        assertThat(before.without()).isTrue();
        assertThat(after.grouping()).containsExactly("job");
        assertThat(after.param()).isEqualTo(new Expr.NumberLiteral(3));
    }

    @Test
    void subqueryWithDefaultStep() {
        Expr.Subquery s = (Expr.Subquery) ((Expr.Call) PromqlParser.parse("max_over_time(rate(x[1m])[10m:])")).args().getFirst();
        assertThat(s.rangeMs()).isEqualTo(600_000);
        assertThat(s.stepMs()).isZero();
    }

    @Test
    void errorsNameLineAndColumn() {
        assertThatThrownBy(() -> PromqlParser.parse("sum(rate(x[5m])\n  + )"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("line 2, column 5:");
        assertThatThrownBy(() -> PromqlParser.parse("nosuchfn(x)")).hasMessageContaining("unknown or unsupported function \"nosuchfn\"");
        assertThatThrownBy(() -> PromqlParser.parse("rate(x)")).hasMessageContaining("expected type range vector");
        assertThatThrownBy(() -> PromqlParser.parse("1 > 2")).hasMessageContaining("BOOL");
        assertThatThrownBy(() -> PromqlParser.parse("{job=~\".*\"}")).hasMessageContaining("non-empty matcher");
        assertThatThrownBy(() -> PromqlParser.parse("x{a=~\"(\"}")).hasMessageContaining("invalid regular expression");
        assertThatThrownBy(() -> PromqlParser.parse("x[5x]")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> PromqlParser.parse("(".repeat(100_000) + "1" + ")".repeat(100_000)))
                .isInstanceOf(ParseException.class).hasMessageContaining("nested too deeply");
        assertThatThrownBy(() -> PromqlParser.parse("-".repeat(100_000) + "1"))
                .isInstanceOf(ParseException.class).hasMessageContaining("nested too deeply");
    }

    @Property(tries = 400)
    void arbitraryInputEitherParsesOrFailsWithAParseException(@ForAll("promqlish") String input) {
        try {
            PromqlParser.parse(input);
        } catch (ParseException e) {
            assertThat(e.getMessage()).startsWith("line ");
        }
    }

    @Provide
    Arbitrary<String> promqlish() {
        Arbitrary<String> pieces = Arbitraries.of("sum", "(", ")", "rate", "x", "{", "}", "a", "=", "=~", "!~", "\"v\"", "'",
                "[", "5m", "]", ":", "offset", "by", "on", "group_left", "+", "-", "*", "/", "^", ">", "bool", "and", "or",
                ",", "1", "1e3", "0x1f", "`", "\\", "\n", " ", "#", "@", "Inf", "NaN", "topk", "label_replace", "\"", "ignoring");
        Arbitrary<String> tokens = pieces.list().ofMaxSize(25).map(l -> String.join("", l));
        return Arbitraries.oneOf(tokens, Arbitraries.strings().ofMaxLength(40));
    }
}
