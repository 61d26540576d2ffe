package dev.vigil.intel.canonical;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Ipv4Test {

    @Test
    void parsesDottedQuads() {
        assertThat(Ipv4.parse("0.0.0.0")).isZero();
        assertThat(Ipv4.parse("255.255.255.255")).isEqualTo(0xFFFF_FFFFL);
        assertThat(Ipv4.parse("198.51.100.7")).isEqualTo((198L << 24) | (51 << 16) | (100 << 8) | 7);
    }

    @Test
    void rejectsEverythingElse() {
        for (String bad : new String[] {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.", ".1.2.3",
                "01.2.3.4", "1.2.3.4 ", "a.b.c.d", "1.2.3.-4", "1234.1.1.1", "::1"}) {
            assertThat(Ipv4.parse(bad)).as(bad).isEqualTo(Ipv4.INVALID);
        }
    }

    @Test
    void masksByPrefixLength() {
        assertThat(Ipv4.mask(0)).isZero();
        assertThat(Ipv4.mask(24)).isEqualTo(0xFFFF_FF00L);
        assertThat(Ipv4.mask(32)).isEqualTo(0xFFFF_FFFFL);
    }

    @Property
    void formatAndParseRoundTrip(@ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(min = 0, max = 255) int b,
                                 @ForAll @IntRange(min = 0, max = 255) int c, @ForAll @IntRange(min = 0, max = 255) int d) {
        String text = a + "." + b + "." + c + "." + d;
        assertThat(Ipv4.format(Ipv4.parse(text))).isEqualTo(text);
    }

    @Property
    void arbitraryTextNeverThrows(@ForAll String text) {
        long value = Ipv4.parse(text);
        assertThat(value).isBetween(-1L, 0xFFFF_FFFFL);
    }
}
