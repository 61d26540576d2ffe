package dev.vigil.monitor.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import java.io.UncheckedIOException;
import java.util.function.Supplier;

import dev.vigil.monitor.promql.model.SeriesStore;
import dev.vigil.monitor.tsdb.TimeSeriesDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** The same groups with the on-disk store (each group in its own folder) as the engine's storage. */
    @Test
    void everyConformanceGroupPassesOnTheOnDiskStore(@TempDir Path tmp) throws IOException {
        Path dir = Corpus.require("alert-rules").resolve("conformance");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".test.yml")).sorted().toList();
        }
        List<TimeSeriesDb> opened = new ArrayList<>();
        Supplier<SeriesStore> stores = () -> {
            try {
                TimeSeriesDb db = TimeSeriesDb.open(tmp.resolve("db-" + opened.size()), TimeSeriesDb.Options.defaults());
                opened.add(db);
                return db;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        List<TestGroupResult> results = new ArrayList<>();
        files.forEach(f -> results.addAll(RuleTestRunner.run(RuleTestFileLoader.load(f), stores)));
        for (TimeSeriesDb db : opened) {
            db.close();
        }
        assertThat(results).hasSize(11);
        assertThat(opened).hasSize(11);
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
