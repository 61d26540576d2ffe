package dev.vigil.events.parse.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "255.255.255.255", "::", "::1", "fe80::1", "2001:db8::7",
        "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.1", "64:ff9b::198.51.100.7", "1::"})
    void literals(String text) {
        assertThat(IpLiterals.isIp(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "256.0.0.1", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3", "01234.1.1.1",
        "example.com", "::1::", ":1", "1:2:3:4:5:6:7:8:9", "12345::", "fe80::1%eth0", "[::1]", "1.2.3.4 ",
        "2001:db8::g", ":::", "::ffff:1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "-"})
    void notLiterals(String text) {
        assertThat(IpLiterals.isIp(text)).isFalse();
    }

    @Property(tries = 200)
    void everyIpv4AddressIsALiteral(@ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(max = 255) int b,
                                    @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d)
            throws Exception {
        String text = a + "." + b + "." + c + "." + d;

        assertThat(IpLiterals.isIp(text)).isTrue();
        assertThat(InetAddress.getByName(text).getHostAddress()).isEqualTo(text);
    }
}
