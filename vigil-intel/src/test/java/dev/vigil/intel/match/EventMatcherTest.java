package dev.vigil.intel.match;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventMatcherTest {

    private final EventMatcher matcher = new EventMatcher(new LiveIndicatorIndex(IndicatorIndex.builder()
            .add(Indicator.of("z-ip", IndicatorType.IPV4, "203.0.113.1", "f", 1))
            .add(Indicator.of("a-dom", IndicatorType.DOMAIN, "evil.test", "f", 1))
            .build()), EventFieldMapping.defaults());

    @Test
    void looksOnlyAtMappedFieldsAndSortsByIndicatorId() {
        var matches = matcher.match(Map.of("dst_ip", "203.0.113.1", "dns_query", "x.evil.test",
                "src_ip", "203.0.113.1"), Instant.EPOCH);
        assertThat(matches).extracting(m -> m.indicator().id() + "/" + m.kind().label())
                .containsExactly("a-dom/domain-subdomain", "z-ip/ip-exact");
    }

    @Test
    void readsListValuedFieldsAndReportsEachHitOnce() {
        var matches = matcher.match(Map.of("dst_ip", List.of("203.0.113.1", "203.0.113.1", "198.51.100.1")),
                Instant.EPOCH);
        assertThat(matches).extracting(m -> m.indicator().id()).containsExactly("z-ip");
    }

    @Test
    void dropsRepeatsEvenAmongDifferentIndicatorsSharingAnId() {
        Indicator first = Indicator.of("same", IndicatorType.DOMAIN, "evil.test", "feed-1", 1);
        Indicator second = Indicator.of("same", IndicatorType.DOMAIN, "evil.test", "feed-2", 1);
        EventMatcher sharing = new EventMatcher(new LiveIndicatorIndex(IndicatorIndex.builder()
                .add(first).add(second).build()), EventFieldMapping.defaults());
        var matches = sharing.match(Map.of("dns_query", List.of("evil.test", "EVIL.test", "a.evil.test")),
                Instant.EPOCH);
        assertThat(matches).containsExactly(new IndicatorMatch(first, MatchKind.DOMAIN_EXACT),
                new IndicatorMatch(second, MatchKind.DOMAIN_EXACT),
                new IndicatorMatch(first, MatchKind.DOMAIN_SUBDOMAIN),
                new IndicatorMatch(second, MatchKind.DOMAIN_SUBDOMAIN));
    }
}
