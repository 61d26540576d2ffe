package dev.vigil.intel.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;
import org.junit.jupiter.api.Test;

class AllowlistTest {

    private final Allowlist own = Allowlist.of(List.of(new AllowlistEntry("198.51.100.0/24", false, "our office"),
            new AllowlistEntry("2001:db8:1::/48", false, "our v6"), new AllowlistEntry("corp.example", true, "our domain"),
            new AllowlistEntry("cdn.example", false, "exact only")));

    private Optional<String> suppressed(IndicatorType type, String value) {
        return own.suppressing(Indicator.of("x", type, value, "t", 50)).map(AllowlistEntry::note);
    }

    @Test
    void addressesAndNetworksOverlappingAnEntryAreSuppressed() {
        assertThat(suppressed(IndicatorType.IPV4, "198.51.100.7")).contains("our office");
        assertThat(suppressed(IndicatorType.IPV4_CIDR, "198.51.0.0/16")).contains("our office");
        assertThat(suppressed(IndicatorType.IPV4_CIDR, "198.51.100.128/25")).contains("our office");
        assertThat(suppressed(IndicatorType.IPV4, "198.51.101.1")).isEmpty();
        assertThat(suppressed(IndicatorType.IPV6, "2001:db8:1:0:0:0:0:5")).contains("our v6");
        assertThat(suppressed(IndicatorType.IPV6, "2001:db8:2::5")).isEmpty();
    }

    @Test
    void domainsUrlsAndEmailsBySubdomainRuleAndParents() {
        assertThat(suppressed(IndicatorType.DOMAIN, "CORP.example.")).contains("our domain");
        assertThat(suppressed(IndicatorType.DOMAIN, "mail.corp.example")).contains("our domain");
        assertThat(suppressed(IndicatorType.DOMAIN, "xcorp.example")).isEmpty();
        assertThat(suppressed(IndicatorType.DOMAIN, "example")).contains("our domain");
        assertThat(suppressed(IndicatorType.DOMAIN, "cdn.example")).contains("exact only");
        assertThat(suppressed(IndicatorType.DOMAIN, "evil.cdn.example")).isEmpty();
        assertThat(suppressed(IndicatorType.URL, "https://www.corp.example/login")).contains("our domain");
        assertThat(suppressed(IndicatorType.URL, "http://198.51.100.9:8080/x")).contains("our office");
        assertThat(suppressed(IndicatorType.URL, "http://evil.test/")).isEmpty();
        assertThat(suppressed(IndicatorType.EMAIL, "ceo@corp.example")).contains("our domain");
        assertThat(suppressed(IndicatorType.SHA256, "a".repeat(64))).isEmpty();
    }

    @Test
    void theShippedListHoldsResolversAndCdnsAndBadEntriesAreRefused() {
        List<AllowlistEntry> wellKnown = new ArrayList<>(Allowlist.wellKnown());
        Allowlist shipped = Allowlist.of(wellKnown);
        assertThat(shipped.size()).isEqualTo(wellKnown.size());
        assertThat(shipped.suppressing(Indicator.of("r", IndicatorType.IPV4, "8.8.8.8", "t", 50))).get()
                .extracting(AllowlistEntry::note).isEqualTo("Google Public DNS");
        assertThat(shipped.suppressing(Indicator.of("r", IndicatorType.DOMAIN, "a.root-servers.net", "t", 50))).isPresent();
        assertThat(shipped.suppressing(Indicator.of("r", IndicatorType.DOMAIN, "d111.cloudfront.net", "t", 50))).isEmpty();
        assertThatThrownBy(() -> Allowlist.canonical("not a value")).hasMessageContaining("neither");
        assertThatThrownBy(() -> Allowlist.canonical("300.1.1.1/8")).hasMessageContaining("not an IP");
        assertThat(Allowlist.canonical("198.51.100.77/24")).isEqualTo("198.51.100.0/24");
    }
}
