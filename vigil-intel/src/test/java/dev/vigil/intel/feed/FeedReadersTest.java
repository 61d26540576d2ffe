package dev.vigil.intel.feed;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedReadersTest {

    @TempDir
    Path dir;

    @Test
    void classifiesBareValues() {
        assertThat(IndicatorValueClassifier.classify("198.51.100.1")).contains(IndicatorType.IPV4);
        assertThat(IndicatorValueClassifier.classify("198.51.100.0/24")).contains(IndicatorType.IPV4_CIDR);
        assertThat(IndicatorValueClassifier.classify("2001:db8::1")).contains(IndicatorType.IPV6);
        assertThat(IndicatorValueClassifier.classify("2001:db8::/32")).contains(IndicatorType.IPV6_CIDR);
        assertThat(IndicatorValueClassifier.classify("hxxp://evil[.]test/a")).contains(IndicatorType.URL);
        assertThat(IndicatorValueClassifier.classify("a@evil.test")).contains(IndicatorType.EMAIL);
        assertThat(IndicatorValueClassifier.classify("a".repeat(40))).contains(IndicatorType.SHA1);
        assertThat(IndicatorValueClassifier.classify("evil[.]test")).contains(IndicatorType.DOMAIN);
        assertThat(IndicatorValueClassifier.classify("no-dots-here")).isEmpty();
        assertThat(IndicatorValueClassifier.classify("  ")).isEmpty();
    }

    @Test
    void plainListsReportUnrecognisedLines() throws Exception {
        Path file = dir.resolve("list.txt");
        Files.writeString(file, "# header\n198.51.100.1 # seen twice\nwhat is this\n\n; other comment\nevil.test\n");
        List<Indicator> indicators = new ArrayList<>();
        List<FeedProblem> problems = new PlainListReader().read(file, "list", indicators::add);
        assertThat(indicators).extracting(Indicator::id).containsExactly("seen twice", "list:6");
        assertThat(problems).singleElement().hasToString(file + ":3: not a recognisable indicator: 'what is this'");
    }

    @Test
    void abuseChFilesNeedARecognisableHeader() throws Exception {
        Path file = dir.resolve("feed.csv");
        Files.writeString(file, "# some feed\n\"1\",\"2\",\"3\"\n");
        assertThatThrownBy(() -> new AbuseChCsvReader().read(file, indicator -> { }))
                .isInstanceOf(FeedFormatException.class).hasMessageStartingWith(file + ":2: data before any header");
        Files.writeString(file, "# first_seen_utc,dst_ip,dst_port,c2_status,last_online,malware\n"
                + "2026-01-01 00:00:00,999.1.1.1,443,online,2026-01-02,X\n"
                + "2026-01-01 00:00:00,,443,online,2026-01-02,X\n"
                + "not a date,198.51.100.1,443,online,,X\n");
        List<Indicator> indicators = new ArrayList<>();
        List<FeedProblem> problems = new AbuseChCsvReader().read(file, indicators::add);
        assertThat(indicators).extracting(Indicator::value).containsExactly("999.1.1.1");
        assertThat(problems).extracting(FeedProblem::line).containsExactly(3L, 4L);
    }

    @Test
    void threatFoxJsonRejectsFailedQueriesAndReportsBadEntries() throws Exception {
        Path file = dir.resolve("tf.json");
        Files.writeString(file, "{\"query_status\": \"no_result\", \"data\": \"none\"}");
        assertThatThrownBy(() -> new ThreatFoxJsonReader().read(file, indicator -> { }))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("query_status 'no_result'");
        Files.writeString(file, """
                {"query_status": "ok", "data": [
                  {"id": "1", "ioc": "[2001:db8::1]:443", "ioc_type": "ip:port", "confidence_level": 75},
                  {"id": "2", "ioc": "x", "ioc_type": "carrier_pigeon"},
                  {"id": "3", "ioc_type": "domain"}
                ]}""");
        List<Indicator> indicators = new ArrayList<>();
        List<FeedProblem> problems = new ThreatFoxJsonReader().read(file, indicators::add);
        assertThat(indicators).singleElement().satisfies(indicator -> {
            assertThat(indicator.type()).isEqualTo(IndicatorType.IPV6);
            assertThat(indicator.value()).isEqualTo("2001:db8::1");
        });
        assertThat(problems).extracting(FeedProblem::reason).containsExactly(
                "data[1]: unknown ThreatFox ioc_type 'carrier_pigeon'", "data[2]: missing 'ioc'");
    }

    @Test
    void mispFeedsReadCompositeAttributesAndNameMissingEventFiles() throws Exception {
        String uuid = "3d96bfb1-2cd6-4a72-9c20-5729822ee60d";
        Files.writeString(dir.resolve("manifest.json"), "{\"" + uuid + "\": {\"info\": \"x\"}}");
        Files.writeString(dir.resolve(uuid + ".json"), """
                {"Event": {"info": "test event", "Attribute": [
                  {"uuid": "a-1", "type": "filename|md5", "value": "x.exe|0123456789abcdef0123456789abcdef", "to_ids": true},
                  {"uuid": "a-2", "type": "ip-dst|port", "value": "198.51.100.1|443", "to_ids": true},
                  {"uuid": "a-3", "type": "comment", "value": "hello", "to_ids": false},
                  {"uuid": "a-4", "type": "yara", "value": "rule x {}", "to_ids": true},
                  {"uuid": "a-5", "type": "domain", "value": "deleted.test", "to_ids": true, "deleted": true}
                ]}}""");
        List<Indicator> indicators = new ArrayList<>();
        List<FeedProblem> problems = new MispFeedReader().read(dir, indicators::add);
        assertThat(indicators).extracting(Indicator::type, Indicator::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(IndicatorType.MD5, "0123456789abcdef0123456789abcdef"),
                org.assertj.core.groups.Tuple.tuple(IndicatorType.IPV4, "198.51.100.1"));
        assertThat(indicators).allMatch(indicator -> indicator.source().equals("test event"));
        assertThat(problems).singleElement().asString().contains("Attribute[3]", "'yara' is not indexed");

        Files.delete(dir.resolve(uuid + ".json"));
        assertThatThrownBy(() -> new MispFeedReader().read(dir, indicator -> { }))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining(uuid + ".json").hasMessageContaining("no such file");
    }

    @Property(tries = 300)
    void freetextExtractionNeverThrows(@ForAll String text) {
        FreetextExtractor.Extracted extracted = FreetextExtractor.extract(text + " hxxp://a[.]test/" + text);
        assertThat(extracted.urls()).isNotEmpty();
    }
}
