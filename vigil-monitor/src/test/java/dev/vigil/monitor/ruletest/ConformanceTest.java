package dev.vigil.monitor.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.vigil.monitor.yaml.YamlException;
import dev.vigil.testkit.Corpus;

/** The promtool-verified fixtures of corpus/alert-rules, run in place through Vigil's engine. */
class ConformanceTest {

    private static List<TestGroupResult> run(Path file) {
        return RuleTestRunner.run(RuleTestFileLoader.load(file));
    }

    @Test
    void everyConformanceGroupPasses() throws IOException {
        Path dir = Corpus.require("alert-rules").resolve("conformance");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".test.yml")).sorted().toList();
        }
        List<TestGroupResult> results = new ArrayList<>();
        files.forEach(f -> results.addAll(run(f)));
        // The corpus README announces 11 test groups.
        assertThat(results).hasSize(11);
        assertThat(results).allSatisfy(r -> assertThat(r.failures()).as(r.name()).isEmpty());
    }

    @Test
    void documentationExamplePasses() {
        Path file = Corpus.require("alert-rules").resolve("promtool-format-examples/docs-example-test.yml");
        assertThat(run(file)).singleElement().satisfies(r -> assertThat(r.failures()).isEmpty());
    }

    @Test
    void upstreamUnittestIsRejectedBecauseItNeedsNativeHistograms() {
        // unittest.yml (Prometheus HEAD) uses native-histogram samples, which Vigil's engine does not model;
        // it must be reported as an unsupported input, never as passing.
        Path file = Corpus.require("alert-rules").resolve("promtool-format-examples/unittest.yml");
        assertThatThrownBy(() -> RuleTestFileLoader.load(file)).isInstanceOf(YamlException.class)
                .hasMessageContaining("unittest.yml:").hasMessageContaining("native histogram samples are not supported");
    }
}
