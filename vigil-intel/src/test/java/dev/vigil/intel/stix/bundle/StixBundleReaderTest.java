package dev.vigil.intel.stix.bundle;

import dev.vigil.intel.feed.FeedFormatException;
import dev.vigil.testkit.Corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StixBundleReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryIndicatorOfTheCorpusBundles() throws Exception {
        Path bundles = Corpus.require("stix-2.1").resolve("bundles");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(bundles)) {
            files = walk.filter(path -> path.toString().endsWith(".json"))
                    .filter(path -> !path.getFileName().toString().equals("interop-objectmarking-test.json"))
                    .sorted().toList();
        }
        int indicators = 0;
        for (Path file : files) {
            StixBundleReader.Result result = new StixBundleReader().read(file);
            assertThat(result.problems()).as(file.toString()).isEmpty();
            indicators += result.indicators().size();
        }
        assertThat(indicators).isEqualTo(53);
    }

    @Test
    void keepsLifecycleLabelsAndKillChainPhases() throws Exception {
        Path file = Corpus.require("stix-2.1").resolve("bundles/misp-stix/test_event1_stix21.json");
        StixIndicator indicator = new StixBundleReader().read(file).indicators().getFirst();
        assertThat(indicator.pattern()).isEqualTo("[domain-name:value = 'circl.lu']");
        assertThat(indicator.patternType()).isEqualTo("stix");
        assertThat(indicator.validFrom()).isNotNull();
        assertThat(indicator.labels()).isNotEmpty();
        assertThat(indicator.killChainPhases()).isNotEmpty();
    }

    @Test
    void rejectsASingleObjectThatIsNotABundle() {
        Path file = Corpus.require("stix-2.1").resolve("bundles/oasis-cti-stix2-json-schemas/interop-objectmarking-test.json");
        assertThatThrownBy(() -> new StixBundleReader().read(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("not a STIX bundle (top-level type is 'campaign')");
    }

    @Test
    void reportsBrokenIndicatorsAndBrokenJsonWithTheirPlace() throws Exception {
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, """
                {"type": "bundle", "id": "bundle--1", "objects": [
                  {"type": "identity", "id": "identity--1"},
                  {"type": "indicator", "id": "indicator--1", "pattern": "[url:value = 'http://a.test/']",
                   "pattern_type": "stix", "valid_from": "2024-01-01T00:00:00Z", "valid_until": "2025-01-01T00:00:00Z",
                   "confidence": 85, "kill_chain_phases": [{"kill_chain_name": "kc", "phase_name": "delivery"}]},
                  {"type": "indicator", "id": "indicator--2", "valid_from": "2024-01-01T00:00:00Z"},
                  {"type": "indicator", "id": "indicator--3", "pattern": "[a:b = 1]", "valid_from": "yesterday"}
                ]}
                """);
        StixBundleReader.Result result = new StixBundleReader().read(file);
        assertThat(result.indicators()).hasSize(1);
        StixIndicator indicator = result.indicators().getFirst();
        assertThat(indicator.validUntil()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(indicator.confidence()).isEqualTo(85);
        assertThat(indicator.killChainPhases()).containsExactly(new KillChainPhase("kc", "delivery"));
        assertThat(result.problems()).extracting(Object::toString).containsExactly(
                file + ": objects[2]: indicator lacks pattern",
                file + ": objects[3]: indicator--3: valid_from is not an RFC 3339 timestamp: 'yesterday'");

        Files.writeString(file, "{\"type\": \"bundle\",\n \"objects\": [ }");
        assertThatThrownBy(() -> new StixBundleReader().read(file))
                .isInstanceOf(FeedFormatException.class).hasMessageStartingWith(file + ":2: not valid JSON");
    }
}
