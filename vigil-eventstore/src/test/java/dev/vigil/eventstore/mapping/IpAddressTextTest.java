package dev.vigil.eventstore.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.1.2.3", "255.255.255.255", "::", "::1", "2001:db8::17", "fe80::1:2:3:4",
        "::ffff:10.0.0.1", "2001:0db8:0000:0000:0000:0000:0000:0017"})
    void literalsAreAddresses(String text) throws Exception {
        assertThat(IpAddressText.parse(text)).contains(InetAddress.getByName(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.", ".1.2.3", "1..2.3", "1234.1.1.1", "localhost",
        "example.com", "1password.com", "10.0.0.1/8", "2001:db8::g", "::1%eth0", "gg::1", "1:2:3:4:5:6:7:8:9", "-1.2.3.4"})
    void everythingElseIsNot(String text) {
        assertThat(IpAddressText.parse(text)).isEmpty();
    }
}
