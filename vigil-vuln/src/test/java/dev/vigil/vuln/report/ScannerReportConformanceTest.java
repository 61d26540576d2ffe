package dev.vigil.vuln.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.testkit.Corpus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every row of every scanner folder's manifest.csv: the file must import with the finding count derived from the
 * manifest's raw_counts (how the README says findings are counted), or fail with a InvalidInputException where the
 * manifest records that the file is not a parseable report.
 */
class ScannerReportConformanceTest {

    private static final List<String> FOLDERS = List.of("trivy", "grype", "sarif", "openvas", "nessus", "cyclonedx");

    /**
     * Deliberate differences from the manifest: this file is named .xml, so the manifest tried XML and failed, but its
     * content is CycloneDX 1.7 JSON, which content-based detection reads (two vulnerabilities, counted by hand).
     */
    private static final Map<String, Integer> CONTENT_DETECTED = Map.of(
            "cyclonedx/grype-golden/TestCycloneDxPresenterImage.xml", 2);

    static Stream<Arguments> manifestRows() throws IOException {
        Path corpus = Corpus.root();
        List<Arguments> rows = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path manifest = corpus.resolve(folder).resolve("manifest.csv");
            if (!Files.exists(manifest)) {
                continue;
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (Reader reader = Files.newBufferedReader(manifest); CSVParser parser = CSVParser.parse(reader, format)) {
                for (CSVRecord record : parser) {
                    rows.add(Arguments.of(folder + "/" + record.get("file"), record.get("raw_counts"),
                            record.get("defectdojo_expected_findings")));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("manifestRows")
    void importsTheExpectedNumberOfFindings(String file, String rawCounts, String defectDojo) throws Exception {
        Path corpus = Corpus.require(file.substring(0, file.indexOf('/')));
        Path path = corpus.resolveSibling(file);
        JsonNode counts = JsonMapper.shared().readTree(rawCounts);
        if (CONTENT_DETECTED.containsKey(file)) {
            assertThat(ScannerReports.read(path).findings()).hasSize(CONTENT_DETECTED.get(file));
            return;
        }
        if (counts.has("parse_error")) {
            assertThatThrownBy(() -> ScannerReports.read(path))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(path.toString());
            return;
        }
        ScannerReport report = ScannerReports.read(path);
        assertThat(report.findings()).as("findings of %s (DefectDojo asserts %s)", file, defectDojo)
                .hasSize(expectedCount(counts));
    }

    /** raw_counts keys per format, as the folder READMEs describe them. */
    private static int expectedCount(JsonNode counts) {
        for (String key : List.of("matches", "results", "result_elements", "ReportItem", "csv_rows", "vulnerabilities")) {
            if (counts.has(key)) {
                return counts.get(key).asInt();
            }
        }
        int trivy = 0;
        for (String key : List.of("Vulnerabilities", "Misconfigurations", "Secrets", "Licenses")) {
            trivy += counts.path(key).asInt(0);
        }
        return trivy;
    }
}
