package dev.vigil.server.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.Corpus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every file of every scanner folder's manifest.csv imported through {@code POST /api/v1/vuln/imports}, each into a
 * fresh tenant: the report's finding count must be what the manifest's raw_counts give (as the folder READMEs count
 * them), each one stored or recognised as a duplicate entry of the same report; files the manifest records as
 * unparseable must be refused with a 400 naming the file, leaving nothing behind.
 */
class VulnImportConformanceTest extends ServerTestBase {

    private static final List<String> FOLDERS = List.of("trivy", "grype", "sarif", "openvas", "nessus", "cyclonedx");

    /** Named .xml but CycloneDX JSON inside: content detection reads it (two vulnerabilities, counted by hand). */
    private static final Map<String, Integer> CONTENT_DETECTED = Map.of(
            "cyclonedx/grype-golden/TestCycloneDxPresenterImage.xml", 2);

    @Test
    void everyCorpusReportImportsWithTheExpectedFindingCount() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int files = 0;
        for (String folder : FOLDERS) {
            Path dir = Corpus.require(folder);
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (Reader reader = Files.newBufferedReader(dir.resolve("manifest.csv"));
                 CSVParser parser = CSVParser.parse(reader, format)) {
                for (CSVRecord record : parser) {
                    files++;
                    String file = folder + "/" + record.get("file");
                    String problem = check(file, dir.resolve(record.get("file")), Api.JSON.readTree(record.get("raw_counts")));
                    if (problem != null) {
                        mismatches.add(problem);
                    }
                }
            }
        }
        assertThat(files).isGreaterThanOrEqualTo(80);
        assertThat(mismatches).isEmpty();
    }

    private String check(String file, Path path, JsonNode counts) throws Exception {
        String tenant = unique("conf");
        api().createTenant(ADMIN_TOKEN, tenant);
        String name = path.getFileName().toString();
        Api.Response response = api().sendBytes("POST", "/api/v1/vuln/imports?tenant=" + tenant + "&asset="
                        + URLEncoder.encode("corpus " + name, StandardCharsets.UTF_8) + "&filename="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8), ADMIN_TOKEN, "application/octet-stream",
                HttpRequest.BodyPublishers.ofFile(path));
        if (counts.has("parse_error") && !CONTENT_DETECTED.containsKey(file)) {
            if (response.status() != 400 || !response.detail().contains(name)) {
                return file + ": expected 400 naming the file, got " + response.status() + " " + response.body();
            }
            if (api().get("/api/v1/vuln/findings?tenant=" + tenant, ADMIN_TOKEN).json().size() != 0
                    || api().get("/api/v1/assets?tenant=" + tenant, ADMIN_TOKEN).json().size() != 0) {
                return file + ": a refused import left findings or assets behind";
            }
            return null;
        }
        if (response.status() != 200) {
            return file + ": " + response.status() + " " + response.body();
        }
        int expected = CONTENT_DETECTED.getOrDefault(file, expectedCount(counts));
        JsonNode report = response.json();
        int findings = report.path("findings").asInt();
        int stored = report.path("created").asInt() + report.path("duplicates").asInt();
        if (findings != expected || stored != expected || report.path("closed").asInt() != 0) {
            return file + ": expected " + expected + " findings, report " + report;
        }
        return null;
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
