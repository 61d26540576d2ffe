package dev.vigil.monitor.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.vigil.monitor.promql.parse.Durations;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class DurationsTest {

    @Test
    void parsesCompoundDurations() {
        assertThat(Durations.parse("2m59s999ms")).isEqualTo(179_999);
        assertThat(Durations.parse("1d")).isEqualTo(86_400_000);
        assertThat(Durations.parse("0")).isZero();
        assertThatThrownBy(() -> Durations.parse("5m1h")).hasMessageContaining("out of order");
        assertThatThrownBy(() -> Durations.parse("5 m")).hasMessageContaining("not a valid duration");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999y")).hasMessageContaining("out of range");
    }

    @Property(tries = 200)
    void formatThenParseIsIdentityForWholeDurations(@ForAll @LongRange(min = 0, max = 10_000_000) long seconds) {
        String text = (seconds / 3600) + "h" + (seconds / 60 % 60) + "m" + (seconds % 60) + "s";
        assertThat(Durations.parse(text)).isEqualTo(seconds * 1000);
    }

    @Property(tries = 300)
    void garbageIsRejectedWithIllegalArgument(@ForAll String text) {
        try {
            Durations.parse(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
