package dev.vigil.intel.stix.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.vigil.intel.stix.bundle.StixBundleReader;
import dev.vigil.intel.stix.compile.PatternCompilation;
import dev.vigil.intel.stix.compile.PatternIndicatorCompiler;
import dev.vigil.intel.stix.pattern.StixPatternParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StixBundleWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:15:30.123456Z");
    private static final StixProducer ACME = new StixProducer("tenant-acme", "ACME Corp", Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private final StixBundleWriter writer = new StixBundleWriter();

    private static List<SharedObservable> observables() {
        return List.of(
                new SharedObservable("ipv4", "203.0.113.9", "C2 seen from ws-1", T0),
                new SharedObservable("ipv6", "2001:db8::7", "", T0.plusSeconds(1)),
                new SharedObservable("domain", "evil.example", "", T0.plusSeconds(2)),
                new SharedObservable("url", "http://evil.example/a'b\\c?x=1", "quote and backslash survive", T0.plusSeconds(3)),
                new SharedObservable("md5", "d41d8cd98f00b204e9800998ecf8427e", "", T0.plusSeconds(4)),
                new SharedObservable("sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "", T0.plusSeconds(5)),
                new SharedObservable("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "", T0.plusSeconds(6)),
                new SharedObservable("email", "phish@evil.example", "", T0.plusSeconds(7)),
                new SharedObservable("user", "alice", "", T0.plusSeconds(8)));
    }

    private static SharingReport report(StixProducer producer, List<SharedObservable> observables) {
        return new SharingReport("incident-1", "INC-1", "Phishing wave", "what we saw", T0.minusSeconds(60), T0.plusSeconds(3600),
                TlpMarking.AMBER, producer, observables);
    }

    @Test
    void everyPatternIsValidAndTheBundleReadsBackAsTheSameIndicators() throws Exception {
        StixBundleWriter.Result result = writer.write(report(ACME, observables()));
        assertThat(result.leftOut()).extracting(SharedObservable::kind).containsExactly("user");
        JsonNode objects = result.bundle().get("objects");
        List<String> patterns = new ArrayList<>();
        objects.forEach(object -> {
            if (object.get("type").asString().equals("indicator")) {
                patterns.add(object.get("pattern").asString());
            }
        });
        assertThat(patterns).hasSize(8).allSatisfy(pattern -> assertThat(StixPatternParser.isValid(pattern)).as(pattern).isTrue());

        Path file = dir.resolve("bundle.json");
        Files.writeString(file, result.bundle().toString());
        StixBundleReader.Result read = new StixBundleReader().read(file);
        assertThat(read.problems()).isEmpty();
        List<String> values = new ArrayList<>();
        read.indicators().forEach(indicator -> {
            PatternCompilation compiled = PatternIndicatorCompiler.compile(indicator, "partner");
            assertThat(compiled.problems()).isEmpty();
            assertThat(indicator.validFrom()).isEqualTo(Instant.parse("2026-11-20T08:15:30.123Z").plusSeconds(
                    observables().stream().map(SharedObservable::value).toList().indexOf(compiled.indicators().getFirst().value())));
            compiled.indicators().stream().map(i -> i.type().label() + " " + i.value()).forEach(values::add);
        });
        assertThat(values).containsExactlyInAnyOrder("ipv4 203.0.113.9", "ipv6 2001:db8::7", "domain evil.example",
                "url http://evil.example/a'b\\c?x=1", "md5 d41d8cd98f00b204e9800998ecf8427e",
                "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709",
                "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "email phish@evil.example");
    }

    @Test
    void aSha512HashIsAValidPatternThoughVigilDoesNotIndexIt() {
        String pattern = StixPatterns.of("sha512", "a".repeat(128)).orElseThrow();
        assertThat(pattern).isEqualTo("[file:hashes.'SHA-512' = '" + "a".repeat(128) + "']");
        assertThat(StixPatternParser.isValid(pattern)).isTrue();
        assertThat(StixPatterns.of("ipv4-cidr", "10.0.0.0/8")).contains("[ipv4-addr:value = '10.0.0.0/8']");
        assertThat(StixPatterns.of("host", "ws-1")).isEmpty();
    }

    @Test
    void theBundleNamesItsProducerMarkingAndReport() {
        ObjectNode bundle = writer.write(report(ACME, observables())).bundle();
        assertThat(bundle.get("type").asString()).isEqualTo("bundle");
        assertThat(bundle.get("id").asString()).startsWith("bundle--");
        List<JsonNode> objects = new ArrayList<>();
        bundle.get("objects").forEach(objects::add);
        JsonNode identity = only(objects, "identity");
        assertThat(identity.get("name").asString()).isEqualTo("ACME Corp");
        assertThat(identity.get("identity_class").asString()).isEqualTo("organization");
        JsonNode marking = only(objects, "marking-definition");
        assertThat(marking.get("id").asString()).isEqualTo("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
        assertThat(marking.get("name").asString()).isEqualTo("TLP:AMBER");
        assertThat(marking.at("/extensions/" + TlpMarking.EXTENSION_DEFINITION + "/tlp_2_0").asString()).isEqualTo("amber");
        JsonNode report = only(objects, "report");
        List<String> indicatorIds = objects.stream().filter(o -> o.get("type").asString().equals("indicator"))
                .map(o -> o.get("id").asString()).toList();
        assertThat(report.get("object_refs").valueStream().map(JsonNode::asString).toList()).isEqualTo(indicatorIds);
        assertThat(report.get("published").asString()).isEqualTo("2026-11-20T09:15:30.123Z");
        assertThat(report.at("/external_references/0/external_id").asString()).isEqualTo("INC-1");
        for (JsonNode object : objects) {
            assertThat(object.get("spec_version").asString()).isEqualTo("2.1");
            assertThat(object.get("id").asString()).matches(object.get("type").asString()
                    + "--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            if (object.get("type").asString().matches("indicator|report")) {
                assertThat(object.get("created_by_ref").asString()).isEqualTo(identity.get("id").asString());
                assertThat(object.get("object_marking_refs").get(0).asString()).isEqualTo(marking.get("id").asString());
            }
        }
    }

    @Test
    void theSameObservableOfTheSameProducerAlwaysHasTheSameId() {
        StixBundleWriter.Result first = writer.write(report(ACME, observables()));
        StixBundleWriter.Result again = writer.write(report(ACME, observables().reversed()));
        assertThat(again.indicatorIds()).containsExactlyInAnyOrderElementsOf(first.indicatorIds());
        assertThat(again.bundle().get("id")).isNotEqualTo(first.bundle().get("id"));
        StixProducer other = new StixProducer("tenant-globex", "Globex", ACME.created());
        assertThat(writer.write(report(other, observables())).indicatorIds()).doesNotContainAnyElementsOf(first.indicatorIds());
        SharedObservable duplicate = new SharedObservable("ipv4", "203.0.113.9", "again", T0.plusSeconds(99));
        assertThat(writer.write(report(ACME, List.of(observables().getFirst(), duplicate))).indicatorIds()).hasSize(1);
        UUID v5 = StixIds.uuid5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com");
        assertThat(v5).as("RFC 9562 test vector").isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void nothingExpressibleGivesNoReport() {
        StixBundleWriter.Result result = writer.write(report(ACME, List.of(new SharedObservable("user", "bob", "", T0))));
        assertThat(result.indicatorIds()).isEmpty();
        assertThat(result.bundle().get("objects").valueStream().map(o -> o.get("type").asString()).toList())
                .doesNotContain("report", "indicator");
    }

    private static JsonNode only(List<JsonNode> objects, String type) {
        List<JsonNode> found = objects.stream().filter(o -> o.get("type").asString().equals(type)).toList();
        assertThat(found).as(type).hasSize(1);
        return found.getFirst();
    }
}
