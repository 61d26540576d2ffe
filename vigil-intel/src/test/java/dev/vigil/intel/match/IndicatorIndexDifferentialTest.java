package dev.vigil.intel.match;

import dev.vigil.intel.canonical.DomainNames;
import dev.vigil.intel.canonical.EmailAddresses;
import dev.vigil.intel.canonical.HexDigests;
import dev.vigil.intel.canonical.Ipv4;
import dev.vigil.intel.canonical.Ipv4Network;
import dev.vigil.intel.canonical.Ipv6;
import dev.vigil.intel.canonical.Ipv6Network;
import dev.vigil.intel.canonical.Refanger;
import dev.vigil.intel.canonical.UrlNormalizer;
import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index against a brute-force reference that tests every indicator one by one with the canonical forms' own
 * predicates, over random indicator sets drawn from small value pools so that values repeat, networks nest and share
 * boundaries, and domains are parents of one another.
 */
class IndicatorIndexDifferentialTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 60)
    void everyLookupAgreesWithTestingEachIndicator(@ForAll long seed) {
        Random random = new Random(seed);
        List<Indicator> indicators = new ArrayList<>();
        IndicatorIndex.Builder builder = IndicatorIndex.builder();
        int count = 1 + random.nextInt(random.nextBoolean() ? 40 : 400);
        for (int i = 0; i < count; i++) {
            IndicatorType type = IndicatorType.values()[random.nextInt(IndicatorType.values().length)];
            Instant validUntil = random.nextInt(10) == 0 ? NOW.minusSeconds(1) : null;
            Indicator indicator = new Indicator("i" + i, type, RandomObservables.indicatorValue(type, random), "f", 50, null, null, validUntil);
            builder.add(indicator);
            indicators.add(indicator);
        }
        IndicatorIndex index = builder.build();
        for (int q = 0; q < 400; q++) {
            ObservableKind kind = ObservableKind.values()[random.nextInt(ObservableKind.values().length)];
            String value = RandomObservables.eventValue(kind, random);
            assertThat(ids(index.match(kind, value, NOW)))
                    .as("%s %s", kind, value)
                    .isEqualTo(ids(reference(indicators, kind, value)));
        }
    }

    private static List<String> ids(List<IndicatorMatch> matches) {
        return matches.stream().map(m -> m.indicator().id() + "/" + m.kind().label()).sorted().toList();
    }

    private static List<IndicatorMatch> reference(List<Indicator> indicators, ObservableKind kind, String query) {
        List<IndicatorMatch> out = new ArrayList<>();
        for (Indicator indicator : indicators) {
            if (!indicator.isActiveAt(NOW)) {
                continue;
            }
            MatchKind hit = referenceMatch(indicator, kind, query);
            if (hit != null) {
                out.add(new IndicatorMatch(indicator, hit));
            }
        }
        return out;
    }

    private static MatchKind referenceMatch(Indicator indicator, ObservableKind kind, String query) {
        String value = Refanger.refang(indicator.value().strip());
        IndicatorType type = indicator.type();
        return switch (kind) {
            case IP_ADDRESS -> {
                long v4 = Ipv4.parse(query.strip());
                Ipv6 v6 = v4 == Ipv4.INVALID ? Ipv6.parse(query.strip()) : null;
                boolean network = value.indexOf('/') >= 0;
                if (v4 != Ipv4.INVALID && (type == IndicatorType.IPV4 || type == IndicatorType.IPV4_CIDR)) {
                    if (network) {
                        yield Ipv4Network.parse(value).contains(v4) ? MatchKind.IP_IN_CIDR : null;
                    }
                    yield Ipv4.parse(value) == v4 ? MatchKind.IP_EXACT : null;
                }
                if (v6 != null && (type == IndicatorType.IPV6 || type == IndicatorType.IPV6_CIDR)) {
                    if (network) {
                        yield Ipv6Network.parse(value).contains(v6) ? MatchKind.IP_IN_CIDR : null;
                    }
                    yield Ipv6.parse(value).equals(v6) ? MatchKind.IP_EXACT : null;
                }
                yield null;
            }
            case DOMAIN -> {
                String name = DomainNames.canonicalize(query);
                String domain = type == IndicatorType.DOMAIN ? DomainNames.canonicalize(value) : null;
                if (name == null || domain == null) {
                    yield null;
                }
                yield name.equals(domain) ? MatchKind.DOMAIN_EXACT
                        : name.endsWith("." + domain) ? MatchKind.DOMAIN_SUBDOMAIN : null;
            }
            case URL -> type == IndicatorType.URL && UrlNormalizer.normalize(value).equals(UrlNormalizer.normalize(query))
                    ? MatchKind.URL_NORMALIZED : null;
            case FILE_HASH -> (type == IndicatorType.MD5 || type == IndicatorType.SHA1 || type == IndicatorType.SHA256)
                    && HexDigests.canonicalize(value).equals(HexDigests.canonicalize(query)) ? MatchKind.HASH : null;
            case EMAIL -> type == IndicatorType.EMAIL
                    && EmailAddresses.canonicalize(value).equals(EmailAddresses.canonicalize(query))
                    ? MatchKind.EMAIL : null;
        };
    }
}
