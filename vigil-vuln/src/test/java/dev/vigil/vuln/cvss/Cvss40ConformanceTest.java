package dev.vigil.vuln.cvss;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Cvss40ConformanceTest {

    private final Path corpus = Corpus.require("cvss-v4.0");

    @Test
    void everyVectorRowMatchesScoreSeverityNomenclatureAndMacroVector() {
        List<Map<String, String>> rows = CorpusCsv.rows(corpus.resolve("vectors.csv"));
        List<String> failures = new ArrayList<>();
        int tieSensitive = 0;
        for (Map<String, String> row : rows) {
            CvssScore score = CvssCalculator.score(row.get("vector"));
            String actual = score.baseScore() + " " + score.severity().label() + " " + score.nomenclature() + " "
                    + score.macroVector();
            String expected = new BigDecimal(row.get("score")).setScale(1) + " " + row.get("severity") + " "
                    + row.get("nomenclature") + " " + row.get("macrovector");
            if (!actual.equals(expected)) {
                failures.add(row.get("vector") + ": expected " + expected + " got " + actual);
            }
            if (row.get("tie_sensitive").equals("yes")) {
                tieSensitive++;
            }
        }
        assertThat(rows).hasSize(2425);
        assertThat(tieSensitive).as("tie-sensitive rows exercised").isPositive();
        assertThat(failures).isEmpty();
    }

    @Test
    void realWorldCnaVectorsMatchTheirPublishedScores() {
        List<Map<String, String>> rows = CorpusCsv.rows(corpus.resolve("real-world-cna.csv"));
        List<String> failures = new ArrayList<>();
        for (Map<String, String> row : rows) {
            CvssScore score = CvssCalculator.score(row.get("vector"));
            if (score.baseScore().compareTo(new BigDecimal(row.get("score"))) != 0
                    || !score.severity().label().equalsIgnoreCase(row.get("severity"))) {
                failures.add(row.get("vector") + " expected " + row.get("score") + " got " + score.baseScore());
            }
        }
        assertThat(rows).hasSize(393);
        assertThat(failures).isEmpty();
    }

    @Test
    void publisherMismatchesAreRecomputedFromTheVector() {
        for (Map<String, String> row : CorpusCsv.rows(corpus.resolve("publisher-mismatch.csv"))) {
            CvssScore score = CvssCalculator.score(row.get("vector"));
            assertThat(score.baseScore()).isEqualByComparingTo(row.get("computed_score"));
            assertThat(score.baseScore()).isNotEqualByComparingTo(row.get("published_score"));
            assertThat(score.severity().label()).isEqualTo(row.get("computed_severity"));
        }
    }
}
