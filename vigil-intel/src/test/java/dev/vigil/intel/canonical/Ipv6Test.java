package dev.vigil.intel.canonical;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Ipv6Test {

    @Test
    void compressedAndExplodedFormsAreEqual() {
        assertThat(Ipv6.parse("2001:db8::1")).isEqualTo(Ipv6.parse("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertThat(Ipv6.parse("2001:DB8::A:1")).isEqualTo(Ipv6.parse("2001:db8:0:0:0:0:a:1"));
        assertThat(Ipv6.parse("[2001:db8::1]")).isEqualTo(Ipv6.parse("2001:db8::1"));
    }

    @Test
    void readsSpecialForms() {
        assertThat(Ipv6.parse("::")).isEqualTo(new Ipv6(0, 0));
        assertThat(Ipv6.parse("::1")).isEqualTo(new Ipv6(0, 1));
        assertThat(Ipv6.parse("1::")).isEqualTo(new Ipv6(1L << 48, 0));
        assertThat(Ipv6.parse("::ffff:192.0.2.1")).isEqualTo(new Ipv6(0, 0xFFFF_C000_0201L));
    }

    @Test
    void rejectsMalformedText() {
        for (String bad : new String[] {"", ":", ":::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1",
                "1:2:3:4:5:6:7:8::", "g::1", "1:", ":1", "::1.2.3", "fe80::1%eth0", "1.2.3.4", "::1.2.3.4:5"}) {
            assertThat(Ipv6.parse(bad)).as(bad).isNull();
        }
    }

    @Test
    void masksToNetwork() {
        Ipv6 address = Ipv6.parse("2001:db8:abcd:1234::9");
        assertThat(address.masked(48)).isEqualTo(Ipv6.parse("2001:db8:abcd::"));
        assertThat(address.masked(64)).isEqualTo(Ipv6.parse("2001:db8:abcd:1234::"));
        assertThat(address.masked(126)).isEqualTo(Ipv6.parse("2001:db8:abcd:1234::8"));
        assertThat(address.masked(0)).isEqualTo(new Ipv6(0, 0));
        assertThat(address.masked(128)).isEqualTo(address);
    }

    @Property
    void toStringParsesBackToTheSameAddress(@ForAll long high, @ForAll long low) {
        Ipv6 address = new Ipv6(high, low);
        assertThat(Ipv6.parse(address.toString())).isEqualTo(address);
    }

    @Property
    void zeroRunsMayBeCompressedAnywhere(@ForAll @IntRange(min = 0, max = 7) int from,
                                        @ForAll @IntRange(min = 1, max = 8) int length) {
        int to = Math.min(8, from + length);
        StringBuilder full = new StringBuilder();
        StringBuilder compressed = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            String group = g >= from && g < to ? "0" : Integer.toHexString(g + 1);
            full.append(g == 0 ? "" : ":").append(group);
            if (g < from) {
                compressed.append(g == 0 ? "" : ":").append(group);
            } else if (g == from) {
                compressed.append("::");
            } else if (g >= to) {
                compressed.append(compressed.toString().endsWith("::") ? "" : ":").append(group);
            }
        }
        assertThat(Ipv6.parse(compressed.toString())).as(compressed.toString()).isEqualTo(Ipv6.parse(full.toString()));
    }

    @Property
    void arbitraryTextNeverThrows(@ForAll String text) {
        Ipv6.parse(text);
    }
}
