package dev.vigil.intel.stix.pattern;

import dev.vigil.testkit.Corpus;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OASIS validator's vectors and every indicator pattern of the corpus bundles (corpus/stix-2.1/patterns). */
class StixPatternCorpusTest {

    private static List<CSVRecord> rows(String file) throws Exception {
        Path path = Corpus.require("stix-2.1").resolve("patterns").resolve(file);
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    @Test
    void acceptsEveryValidVector() throws Exception {
        List<CSVRecord> rows = rows("valid.csv");
        List<String> rejected = new ArrayList<>();
        for (CSVRecord row : rows) {
            try {
                StixPatternParser.parse(row.get("pattern"));
            } catch (InvalidPatternException e) {
                rejected.add(row.get("pattern") + " -> " + e.getMessage());
            }
        }
        assertThat(rejected).isEmpty();
        assertThat(rows).hasSize(42);
    }

    @Test
    void rejectsEveryInvalidVector() throws Exception {
        List<CSVRecord> rows = rows("invalid.csv");
        List<String> accepted = rows.stream().map(row -> row.get("pattern"))
                .filter(StixPatternParser::isValid).toList();
        assertThat(accepted).isEmpty();
        assertThat(rows).hasSize(19);
    }

    @Test
    void acceptsEveryIndicatorPatternFoundInTheBundles() throws Exception {
        List<String> rejected = new ArrayList<>();
        int stixPatterns = 0;
        for (CSVRecord row : rows("indicator-patterns.csv")) {
            if (!row.get("pattern_type").equals("stix")) {
                continue;
            }
            stixPatterns++;
            try {
                StixPatternParser.parse(row.get("pattern"));
            } catch (InvalidPatternException e) {
                rejected.add(row.get("indicator_id") + ": " + e.getMessage());
            }
        }
        assertThat(rejected).isEmpty();
        assertThat(stixPatterns).isPositive();
    }
}
