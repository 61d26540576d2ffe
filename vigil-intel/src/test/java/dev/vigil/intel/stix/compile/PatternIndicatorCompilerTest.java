package dev.vigil.intel.stix.compile;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;
import dev.vigil.intel.match.IndicatorIndex;
import dev.vigil.intel.match.ObservableKind;
import dev.vigil.intel.stix.bundle.StixBundleReader;
import dev.vigil.intel.stix.bundle.StixIndicator;
import dev.vigil.testkit.Corpus;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatternIndicatorCompilerTest {

    private static StixIndicator stix(String pattern) {
        return new StixIndicator("indicator--x", "x", pattern, "stix", Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z"), 70, List.of(), List.of(), List.of(), false);
    }

    @Test
    void reducesOrOfEqualitiesAndSetsToIndicators() {
        PatternCompilation compilation = PatternIndicatorCompiler.compile(stix(
                "[domain-name:value = 'evil.test' OR ipv4-addr:value IN ('198.51.100.1', '203.0.113.0/24') "
                        + "OR email-message:from_ref.value = 'a@evil.test' OR file:hashes.'SHA-1' = '"
                        + "a".repeat(40) + "']"), "feed");
        assertThat(compilation.problems()).isEmpty();
        assertThat(compilation.indicators()).extracting(Indicator::type).containsExactly(IndicatorType.DOMAIN,
                IndicatorType.IPV4, IndicatorType.IPV4_CIDR, IndicatorType.EMAIL, IndicatorType.SHA1);
        assertThat(compilation.indicators().getFirst().validUntil()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(compilation.indicators().getFirst().confidence()).isEqualTo(70);
    }

    @Test
    void acceptsAndOnlyBetweenHashesOfOneFile() {
        assertThat(PatternIndicatorCompiler.compile(stix("[file:hashes.MD5 = '" + "b".repeat(32)
                + "' AND file:hashes.'SHA-256' = '" + "c".repeat(64) + "']"), "f").indicators()).hasSize(2);
        assertThat(PatternIndicatorCompiler.compile(stix(
                "[domain-name:value = 'a.test' AND domain-name:resolves_to_refs[*].value = '198.51.100.1']"), "f")
                .problems()).singleElement().asString().contains("not an indexed indicator property");
    }

    @Test
    void reportsWhatItCannotReduce() {
        for (String pattern : List.of("[url:value MATCHES '^http']", "[file:name = 'x']",
                "[ipv4-addr:value = '198.51.100.1'] WITHIN 5 SECONDS", "[ipv4-addr:value NOT = '198.51.100.1']",
                "[ipv4-addr:value = 'not an address']", "[not valid")) {
            PatternCompilation compilation = PatternIndicatorCompiler.compile(stix(pattern), "f");
            assertThat(compilation.indicators()).as(pattern).isEmpty();
            assertThat(compilation.problems()).as(pattern).hasSize(1);
        }
    }

    @Test
    void corpusIndicatorsFeedTheMatcher() throws Exception {
        var result = new StixBundleReader().read(
                Corpus.require("stix-2.1").resolve("bundles/oasis-cti-documentation/apt1.json"));
        IndicatorIndex.Builder builder = IndicatorIndex.builder();
        List<String> problems = new ArrayList<>();
        for (StixIndicator indicator : result.indicators()) {
            PatternCompilation compilation = PatternIndicatorCompiler.compile(indicator, "apt1.json");
            compilation.indicators().forEach(builder::add);
            problems.addAll(compilation.problems());
        }
        IndicatorIndex index = builder.build();
        // 12 indicators: 10 reduce to values, the two x509-certificate patterns need the evaluator.
        assertThat(index.size()).isEqualTo(10);
        assertThat(problems).hasSize(2).allMatch(problem -> problem.contains("x509-certificate"));
        assertThat(index.match(ObservableKind.IP_ADDRESS, "223.167.1.2", Instant.now()))
                .singleElement().satisfies(match -> assertThat(match.kind().label()).isEqualTo("ip-in-cidr"));
    }
}
