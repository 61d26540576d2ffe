package dev.vigil.intel.canonical;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalFormsTest {

    @Test
    void domainsAreLowerCaseWithoutRootDot() {
        assertThat(DomainNames.canonicalize(" WWW.Evil.Test. ")).isEqualTo("www.evil.test");
        assertThat(DomainNames.canonicalize("evil[.]test")).isEqualTo("evil.test");
        assertThat(DomainNames.canonicalize("")).isNull();
        assertThat(DomainNames.canonicalize("a..test")).isNull();
        assertThat(DomainNames.canonicalize("evil.test/path")).isNull();
    }

    @Test
    void emailsCompareCaseInsensitively() {
        assertThat(EmailAddresses.canonicalize("Bad.Actor@Evil.TEST")).isEqualTo("bad.actor@evil.test");
        assertThat(EmailAddresses.canonicalize("Bad Actor <bad@evil.test>")).isEqualTo("bad@evil.test");
        assertThat(EmailAddresses.canonicalize("bad[@]evil[.]test")).isEqualTo("bad@evil.test");
        assertThat(EmailAddresses.canonicalize("not-an-address")).isNull();
        assertThat(EmailAddresses.canonicalize("@evil.test")).isNull();
    }

    @Test
    void digestsAreLowerCaseHexOfKnownLengths() {
        String md5 = "D41D8CD98F00B204E9800998ECF8427E";
        assertThat(HexDigests.canonicalize(md5)).isEqualTo(md5.toLowerCase());
        assertThat(HexDigests.canonicalize("a".repeat(40))).hasSize(40);
        assertThat(HexDigests.canonicalize("a".repeat(64))).hasSize(64);
        assertThat(HexDigests.canonicalize("a".repeat(33))).isNull();
        assertThat(HexDigests.canonicalize("g".repeat(32))).isNull();
        assertThat(HexDigests.canonicalize("\u0663".repeat(32))).as("non-ASCII digits").isNull();
    }

    @Test
    void networksMaskHostBits() {
        assertThat(Ipv4Network.parse("198.51.100.77/24")).isEqualTo(new Ipv4Network(Ipv4.parse("198.51.100.0"), 24));
        assertThat(Ipv4Network.parse("198.51.100.0/33")).isNull();
        assertThat(Ipv4Network.parse("198.51.100.0/024")).isNull();
        assertThat(Ipv6Network.parse("2001:db8:1:2::/32")).isEqualTo(new Ipv6Network(Ipv6.parse("2001:db8::"), 32));
        assertThat(Ipv6Network.parse("2001:db8::/129")).isNull();
        assertThat(Ipv4Network.parse("198.51.100.0/24").contains(Ipv4.parse("198.51.100.255"))).isTrue();
        assertThat(Ipv4Network.parse("198.51.100.0/24").contains(Ipv4.parse("198.51.101.0"))).isFalse();
    }
}
