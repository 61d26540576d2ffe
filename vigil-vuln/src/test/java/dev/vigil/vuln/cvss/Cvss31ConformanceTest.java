package dev.vigil.vuln.cvss;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Cvss31ConformanceTest {

    private final Path corpus = Corpus.require("cvss-v3.1");

    @Test
    void everyVectorRowMatchesBaseTemporalAndEnvironmentalScores() {
        List<Map<String, String>> rows = CorpusCsv.rows(corpus.resolve("vectors.csv"));
        List<String> failures = new ArrayList<>();
        for (Map<String, String> row : rows) {
            CvssScore score = CvssCalculator.score(row.get("vector"));
            String actual = score.baseScore() + " " + score.severity().label() + " / " + score.temporalScore() + " "
                    + Severity.of(score.temporalScore()).label() + " / " + score.environmentalScore() + " "
                    + Severity.of(score.environmentalScore()).label();
            String expected = row.get("base_score") + " " + row.get("base_severity") + " / " + row.get("temporal_score")
                    + " " + row.get("temporal_severity") + " / " + row.get("environmental_score") + " "
                    + row.get("environmental_severity");
            if (!actual.equals(expected)) {
                failures.add(row.get("vector") + ": expected " + expected + " got " + actual);
            }
        }
        assertThat(rows).hasSize(2654);
        assertThat(failures).isEmpty();
    }

    @Test
    void realWorldCnaVectorsMatchTheirPublishedScores() {
        List<Map<String, String>> rows = CorpusCsv.rows(corpus.resolve("real-world-cna.csv"));
        List<String> failures = new ArrayList<>();
        for (Map<String, String> row : rows) {
            CvssScore score = CvssCalculator.score(row.get("vector"));
            if (score.baseScore().compareTo(new BigDecimal(row.get("base_score"))) != 0
                    || !score.severity().label().equalsIgnoreCase(row.get("base_severity"))) {
                failures.add(row.get("vector") + " expected " + row.get("base_score") + " got " + score.baseScore());
            }
        }
        assertThat(rows).hasSize(560);
        assertThat(failures).isEmpty();
    }

    @Test
    void publisherMismatchesAreRecomputedFromTheVectorNotThePublishedScore() {
        List<Map<String, String>> rows = CorpusCsv.rows(corpus.resolve("publisher-mismatch.csv"));
        List<String> failures = new ArrayList<>();
        for (Map<String, String> row : rows) {
            CvssScore score = CvssCalculator.score(row.get("vector"));
            boolean ok = score.baseScore().compareTo(new BigDecimal(row.get("computed_base_score"))) == 0
                    && score.temporalScore().compareTo(new BigDecimal(row.get("computed_temporal_score"))) == 0
                    && score.severity().label().equals(row.get("computed_base_severity"))
                    && score.baseScore().compareTo(new BigDecimal(row.get("published_base_score"))) != 0;
            if (!ok) {
                failures.add(row.get("cve") + " " + row.get("vector") + " got " + score);
            }
        }
        assertThat(rows).hasSize(260);
        assertThat(failures).isEmpty();
    }
}
