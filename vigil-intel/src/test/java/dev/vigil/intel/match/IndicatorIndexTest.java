package dev.vigil.intel.match;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorIndexTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final IndicatorIndex index = IndicatorIndex.builder()
            .add(Indicator.of("v4", IndicatorType.IPV4, "198.51.100.7", "feed-a", 80))
            .add(Indicator.of("v4-net", IndicatorType.IPV4_CIDR, "198.51.100.0/24", "feed-a", 60))
            .add(Indicator.of("v4-wide", IndicatorType.IPV4_CIDR, "198.51.0.0/16", "feed-b", 40))
            .add(Indicator.of("v6", IndicatorType.IPV6, "2001:db8::7", "feed-a", 80))
            .add(Indicator.of("v6-net", IndicatorType.IPV6_CIDR, "2001:db8:1::/48", "feed-a", 80))
            .add(Indicator.of("dom", IndicatorType.DOMAIN, "Evil.Test.", "feed-a", 80))
            .add(Indicator.of("url", IndicatorType.URL, "HTTP://Evil.Test:80/Drop.exe#x", "feed-a", 80))
            .add(Indicator.of("md5", IndicatorType.MD5, "D41D8CD98F00B204E9800998ECF8427E", "feed-a", 80))
            .add(Indicator.of("mail", IndicatorType.EMAIL, "boss@evil.test", "feed-a", 80))
            .add(Indicator.of("defanged", IndicatorType.DOMAIN, "bad[.]example", "feed-c", 80))
            .build();

    private List<String> hits(ObservableKind kind, String value) {
        return index.match(kind, value, NOW).stream()
                .map(match -> match.indicator().id() + "/" + match.kind().label())
                .sorted()
                .toList();
    }

    @Test
    void ipv4MatchesExactAndEveryContainingNetwork() {
        assertThat(hits(ObservableKind.IP_ADDRESS, "198.51.100.7"))
                .containsExactly("v4-net/ip-in-cidr", "v4-wide/ip-in-cidr", "v4/ip-exact");
        assertThat(hits(ObservableKind.IP_ADDRESS, "198.51.7.1")).containsExactly("v4-wide/ip-in-cidr");
        assertThat(hits(ObservableKind.IP_ADDRESS, "198.52.0.1")).isEmpty();
    }

    @Test
    void ipv6MatchesWhateverTheSpellingAndNeverCrossesFamilies() {
        assertThat(hits(ObservableKind.IP_ADDRESS, "2001:0DB8:0000:0000:0000:0000:0000:0007"))
                .containsExactly("v6/ip-exact");
        assertThat(hits(ObservableKind.IP_ADDRESS, "2001:db8:1:ffff::1")).containsExactly("v6-net/ip-in-cidr");
        assertThat(hits(ObservableKind.IP_ADDRESS, "::ffff:198.51.100.7")).isEmpty();
    }

    @Test
    void domainsMatchExactlyOrOnLabelBoundaries() {
        assertThat(hits(ObservableKind.DOMAIN, "EVIL.test.")).containsExactly("dom/domain-exact");
        assertThat(hits(ObservableKind.DOMAIN, "a.b.evil.test")).containsExactly("dom/domain-subdomain");
        assertThat(hits(ObservableKind.DOMAIN, "notevil.test")).isEmpty();
        assertThat(hits(ObservableKind.DOMAIN, "evil.test.example")).isEmpty();
        assertThat(hits(ObservableKind.DOMAIN, "www.bad.example")).containsExactly("defanged/domain-subdomain");
    }

    @Test
    void urlsMatchAfterNormalizationWithCaseSensitivePaths() {
        assertThat(hits(ObservableKind.URL, "http://EVIL.test/Drop.exe")).containsExactly("url/url-normalized");
        assertThat(hits(ObservableKind.URL, "http://evil.test:80/Drop.exe#top")).containsExactly("url/url-normalized");
        assertThat(hits(ObservableKind.URL, "http://evil.test/drop.exe")).isEmpty();
        assertThat(hits(ObservableKind.URL, "https://evil.test/Drop.exe")).isEmpty();
    }

    @Test
    void urlsOutsideLatin1OrLongerThanAPageKeyStillMatch() {
        String longPath = "/" + "a".repeat(70_000);
        IndicatorIndex urls = IndicatorIndex.builder()
                .add(Indicator.of("kelvin", IndicatorType.URL, "http://k.test/x", "f", 1))
                .add(Indicator.of("cyrillic", IndicatorType.URL, "http://evil.test/путь", "f", 1))
                .add(Indicator.of("long", IndicatorType.URL, "http://evil.test" + longPath, "f", 1))
                .build();
        // U+212A KELVIN SIGN lower-cases to an ASCII 'k': the canonical form is Latin-1, the event text is not.
        assertThat(urls.match(ObservableKind.URL, "http://\u212A.TEST/x", NOW)).extracting(m -> m.indicator().id())
                .containsExactly("kelvin");
        assertThat(urls.match(ObservableKind.URL, "HTTP://Evil.test/путь#f", NOW)).extracting(m -> m.indicator().id())
                .containsExactly("cyrillic");
        assertThat(urls.match(ObservableKind.URL, "http://EVIL.test:80" + longPath, NOW))
                .extracting(m -> m.indicator().id()).containsExactly("long");
        assertThat(urls.match(ObservableKind.URL, "http://evil.test" + longPath + "b", NOW)).isEmpty();
    }

    @Test
    void hashesAndEmailsIgnoreCase() {
        assertThat(hits(ObservableKind.FILE_HASH, "d41d8cd98f00b204e9800998ecf8427e")).containsExactly("md5/hash");
        assertThat(hits(ObservableKind.EMAIL, "BOSS@Evil.Test")).containsExactly("mail/email");
        assertThat(hits(ObservableKind.EMAIL, "boss@evil.test.example")).isEmpty();
    }

    @Test
    void unreadableEventValuesSimplyDoNotMatch() {
        assertThat(hits(ObservableKind.IP_ADDRESS, "not an address")).isEmpty();
        assertThat(hits(ObservableKind.FILE_HASH, "xyz")).isEmpty();
        assertThat(hits(ObservableKind.URL, "http://")).isEmpty();
    }

    @Test
    void expiredIndicatorsAreSkipped() {
        Indicator expiring = new Indicator("old", IndicatorType.IPV4, "203.0.113.9", "feed", 50, null, null,
                Instant.parse("2025-06-01T00:00:00Z"));
        IndicatorIndex withExpiry = IndicatorIndex.builder().add(expiring).build();
        assertThat(withExpiry.match(ObservableKind.IP_ADDRESS, "203.0.113.9", Instant.parse("2025-05-31T23:59:59Z")))
                .hasSize(1);
        assertThat(withExpiry.match(ObservableKind.IP_ADDRESS, "203.0.113.9", Instant.parse("2025-06-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void indicatorsSharingAValueAllMatch() {
        IndicatorIndex shared = IndicatorIndex.builder()
                .add(Indicator.of("a", IndicatorType.IPV4, "203.0.113.9", "x", 1))
                .add(Indicator.of("b", IndicatorType.IPV4, "203.0.113.9", "y", 2))
                .add(Indicator.of("c", IndicatorType.IPV4, "203.0.113.9", "z", 3))
                .build();
        assertThat(shared.match(ObservableKind.IP_ADDRESS, "203.0.113.9", NOW))
                .extracting(match -> match.indicator().id()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void invalidIndicatorValuesAreRejectedWithTheReason() {
        IndicatorIndex.Builder builder = IndicatorIndex.builder();
        assertThatThrownBy(() -> builder.add(Indicator.of("x", IndicatorType.IPV4, "300.1.1.1", "f", 1)))
                .isInstanceOf(InvalidIndicatorException.class).hasMessageContaining("300.1.1.1");
        assertThatThrownBy(() -> builder.add(Indicator.of("y", IndicatorType.SHA256, "abcd".repeat(8), "f", 1)))
                .isInstanceOf(InvalidIndicatorException.class).hasMessageContaining("64 hex digits");
        assertThat(builder.build().size()).isZero();
    }
}
