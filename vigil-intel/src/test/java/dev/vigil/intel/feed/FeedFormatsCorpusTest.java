package dev.vigil.intel.feed;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;
import dev.vigil.testkit.Corpus;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic feed samples in corpus/ioc-feeds/formats, read in place. */
class FeedFormatsCorpusTest {

    private static Path formats() {
        return Corpus.require("ioc-feeds").resolve("formats");
    }

    private static Map<IndicatorType, Long> countByType(List<Indicator> indicators) {
        return indicators.stream().collect(Collectors.groupingBy(Indicator::type, Collectors.counting()));
    }

    @Test
    void readsBothFeodoLayoutsToTheSameIndicators() throws Exception {
        List<Indicator> quoted = new ArrayList<>();
        List<Indicator> legacy = new ArrayList<>();
        assertThat(new AbuseChCsvReader().read(formats().resolve("feodo_ipblocklist.synthetic.csv"), quoted::add))
                .isEmpty();
        assertThat(new AbuseChCsvReader().read(formats().resolve("feodo_ipblocklist_legacy.synthetic.csv"),
                legacy::add)).isEmpty();
        assertThat(quoted).hasSize(30).allMatch(indicator -> indicator.type() == IndicatorType.IPV4);
        assertThat(quoted).extracting(Indicator::value).containsExactlyElementsOf(
                legacy.stream().map(Indicator::value).toList());
        assertThat(quoted.getFirst().firstSeen()).isEqualTo(Instant.parse("2026-01-26T11:26:50Z"));
    }

    @Test
    void readsThreatFoxWithCommaSpaceSeparators() throws Exception {
        List<Indicator> indicators = new ArrayList<>();
        assertThat(new AbuseChCsvReader().read(formats().resolve("threatfox_recent.synthetic.csv"), indicators::add))
                .isEmpty();
        assertThat(indicators).hasSize(35);
        assertThat(countByType(indicators)).containsEntry(IndicatorType.IPV4, 10L)
                .containsEntry(IndicatorType.DOMAIN, 10L).containsEntry(IndicatorType.URL, 5L)
                .containsEntry(IndicatorType.MD5, 5L).containsEntry(IndicatorType.SHA256, 5L);
        Indicator first = indicators.getFirst();
        assertThat(first.id()).isEqualTo("threatfox:1800000");
        assertThat(first.value()).isEqualTo("198.18.21.43");
        assertThat(first.confidence()).isEqualTo(50);
    }

    @Test
    void readsTheThreatFoxApiResponseToTheSameIndicatorsAsItsCsv() throws Exception {
        List<Indicator> csv = new ArrayList<>();
        List<Indicator> json = new ArrayList<>();
        new AbuseChCsvReader().read(formats().resolve("threatfox_recent.synthetic.csv"), csv::add);
        assertThat(new ThreatFoxJsonReader().read(formats().resolve("threatfox_api_get_iocs.synthetic.json"),
                json::add)).isEmpty();
        assertThat(json).hasSize(35);
        assertThat(json).extracting(Indicator::id, Indicator::type, Indicator::value, Indicator::confidence)
                .containsExactlyInAnyOrderElementsOf(csv.stream().map(i -> org.assertj.core.groups.Tuple.tuple(
                        i.id(), i.type(), i.value(), i.confidence())).toList());
    }

    @Test
    void readsTheMispFeedDirectoryAndAgreesWithItsHashesCsv() throws Exception {
        Path feed = formats().resolve("misp-feed");
        List<Indicator> indicators = new ArrayList<>();
        assertThat(new MispFeedReader().read(feed, indicators::add)).isEmpty();
        assertThat(indicators).hasSize(60);
        assertThat(countByType(indicators)).containsOnlyKeys(IndicatorType.IPV4, IndicatorType.DOMAIN,
                IndicatorType.URL, IndicatorType.SHA256, IndicatorType.MD5);
        // hashes.csv lists md5(value) of every attribute: each indicator we read must be among them.
        java.util.Set<String> listed = Files.readAllLines(feed.resolve("hashes.csv")).stream()
                .map(line -> line.substring(0, line.indexOf(','))).collect(Collectors.toSet());
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        assertThat(indicators).allSatisfy(indicator -> assertThat(listed).contains(java.util.HexFormat.of()
                .formatHex(md5.digest(indicator.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }

    @Test
    void readsUrlhausWithItsCommentedHeader() throws Exception {
        List<Indicator> indicators = new ArrayList<>();
        assertThat(new AbuseChCsvReader().read(formats().resolve("urlhaus_csv_recent.synthetic.csv"), indicators::add))
                .isEmpty();
        assertThat(indicators).isNotEmpty().allMatch(indicator -> indicator.type() == IndicatorType.URL
                && indicator.id().startsWith("urlhaus:"));
        long dataLines = Files.readAllLines(formats().resolve("urlhaus_csv_recent.synthetic.csv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).count();
        assertThat(indicators).hasSize((int) dataLines);
    }

    @Test
    void readsPlainListsDetectingEachValuesType() throws Exception {
        Map<String, IndicatorType> expected = Map.of(
                "plain_domain_list.synthetic.txt", IndicatorType.DOMAIN,
                "plain_sha256_list.synthetic.txt", IndicatorType.SHA256,
                "plain_url_list.synthetic.txt", IndicatorType.URL);
        for (var entry : expected.entrySet()) {
            List<Indicator> indicators = new ArrayList<>();
            assertThat(new PlainListReader().read(formats().resolve(entry.getKey()), "list", indicators::add))
                    .as(entry.getKey()).isEmpty();
            assertThat(indicators).as(entry.getKey()).isNotEmpty().allMatch(i -> i.type() == entry.getValue());
        }
        List<Indicator> ips = new ArrayList<>();
        assertThat(new PlainListReader().read(formats().resolve("plain_ip_list.synthetic.txt"), "ips", ips::add))
                .isEmpty();
        assertThat(countByType(ips)).containsOnlyKeys(IndicatorType.IPV4, IndicatorType.IPV6);
    }

    @Test
    void readsDropStyleListsWithTheirReferences() throws Exception {
        List<Indicator> indicators = new ArrayList<>();
        assertThat(new PlainListReader().read(formats().resolve("drop_style_cidr_list.synthetic.txt"), "drop",
                indicators::add)).isEmpty();
        assertThat(indicators).isNotEmpty().allMatch(i -> i.id().startsWith("SBL"))
                .allMatch(i -> i.type() == IndicatorType.IPV4_CIDR || i.type() == IndicatorType.IPV6_CIDR);
    }

    @Test
    void extractsExactlyTheExpectedRefangedValuesFromFreetext() throws Exception {
        String text = Files.readString(formats().resolve("freetext_defanged.synthetic.txt"));
        JsonNode expected = JsonMapper.builder().build()
                .readTree(formats().resolve("freetext_defanged.expected.json").toFile());
        Function<String, List<String>> list = name -> {
            List<String> values = new ArrayList<>();
            expected.get(name).forEach(value -> values.add(value.stringValue()));
            return values;
        };
        FreetextExtractor.Extracted extracted = FreetextExtractor.extract(text);
        assertThat(extracted.domains()).containsExactlyElementsOf(list.apply("domains"));
        assertThat(extracted.urls()).containsExactlyElementsOf(list.apply("urls"));
        assertThat(extracted.ipv4()).containsExactlyElementsOf(list.apply("ipv4"));
    }
}
