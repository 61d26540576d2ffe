package dev.vigil.ledger.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AuditTimeTest {

    @Test
    void formatsWithSixFractionDigitsInUtc() {
        assertThat(AuditTime.format(Instant.parse("2024-02-29T23:59:59.5Z"))).isEqualTo("2024-02-29T23:59:59.500000Z");
        assertThat(AuditTime.parse("2024-02-29T23:59:59.500000Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.5Z"));
        assertThatThrownBy(() -> AuditTime.parse("2023-02-29T00:00:00.000000Z")).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> AuditTime.parse("2023-01-01T00:00:00.000000+00:00")).hasMessageContaining("form");
    }

    @Provide
    Arbitrary<String> timeShaped() {
        Arbitrary<String> two = Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 9999), two, two, two, two, two)
                .as((y, mo, d, h, mi, s) -> String.format("%04d-%s-%sT%s:%s:%s.123456Z", y, mo, d, h, mi, s));
    }

    /** The fast validity check used by the verifier agrees with the strict parser on every time-shaped string. */
    @Property(tries = 2000)
    void fastCheckAgreesWithParser(@ForAll("timeShaped") String text) {
        boolean parses;
        try {
            AuditTime.parse(text);
            parses = true;
        } catch (IllegalArgumentException e) {
            parses = false;
        }
        assertThat(AuditTime.isValid(text)).as(text).isEqualTo(parses);
    }
}
