package dev.vigil.monitor.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class GoFloatTest {

    @Test
    void shortestFormattingMatchesGo() {
        assertThat(GoFloat.formatShortest(0.05)).isEqualTo("0.05");
        assertThat(GoFloat.formatShortest(95)).isEqualTo("95");
        assertThat(GoFloat.formatShortest(1e6)).isEqualTo("1e+06");
        assertThat(GoFloat.formatShortest(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(GoFloat.formatShortest(0.0001)).isEqualTo("0.0001");
        assertThat(GoFloat.formatShortest(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFloat.formatShortest(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void precisionFormatsRoundTheExactBinaryValueHalfEven() {
        assertThat(GoFloat.formatF(2.675, 2)).isEqualTo("2.67");
        assertThat(GoFloat.formatF(0.125, 2)).isEqualTo("0.12");
        assertThat(GoFloat.formatF(-0.001, 2)).isEqualTo("-0.00");
        assertThat(GoFloat.formatG(123456, 4)).isEqualTo("1.235e+05");
        assertThat(GoFloat.formatG(80, 4)).isEqualTo("80");
        assertThat(GoFloat.formatE(1234.5, 2)).isEqualTo("1.23e+03");
    }

    @Property(tries = 500)
    void shortestFormRoundTrips(@ForAll double v) {
        String text = GoFloat.formatShortest(v);
        if (Double.isNaN(v)) {
            assertThat(text).isEqualTo("NaN");
        } else if (Double.isInfinite(v)) {
            assertThat(text).isEqualTo(v > 0 ? "+Inf" : "-Inf");
        } else {
            assertThat(Double.parseDouble(text)).isEqualTo(v);
        }
    }
}
