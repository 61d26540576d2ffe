package dev.vigil.vuln.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;

/** All 199 CVE records of ../shared/corpus/cve-json5 load; the REJECTED ones are skipped as not advisories. */
class CveCorpusConformanceTest {

    @Test
    void everyRecordLoadsAndRejectedOnesAreSkipped() throws Exception {
        Path dir = Corpus.require("cve-json5");
        List<String> index = Files.readAllLines(dir.resolve("index.csv")).subList(1, 200);
        List<String> published = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (String line : index) {
            String[] columns = line.split(",");
            Path file = dir.resolve("records").resolve(columns[1]);
            AdvisoryFile read = AdvisoryReader.read(file.toString(), Files.readAllBytes(file));
            if (columns[2].equals("REJECTED")) {
                assertThat(read.advisories()).isEmpty();
                assertThat(read.skipped()).singleElement().satisfies(s -> assertThat(s.rejected()).isTrue());
                rejected.add(columns[0]);
            } else {
                assertThat(read.skipped()).as(columns[0]).isEmpty();
                assertThat(read.advisories()).singleElement().satisfies(a -> {
                    assertThat(a.id()).isEqualTo(columns[0]);
                    assertThat(a.format()).isEqualTo(AdvisoryFormat.CVE_JSON5);
                });
                published.add(columns[0]);
            }
        }
        assertThat(published).hasSize(193);
        assertThat(rejected).hasSize(6);
    }

    @Test
    void cpeEntriesDecideByTheirRanges() throws Exception {
        Advisory advisory = read("2024/38xxx/CVE-2024-38080.json");
        assertThat(advisory.cvssVector()).startsWith("CVSS:3.1/");
        String cpe = "cpe:2.3:o:microsoft:windows_server_2022:*:*:*:*:*:*:*:*";
        AdvisoryMatch before = AdvisoryMatcher.match(advisory, new InstalledPackage("Windows Server 2022",
                "10.0.20348.2000", null, cpe)).orElseThrow();
        assertThat(before.verdict().status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(before.verdict().fixedVersion()).isEqualTo("10.0.20348.2582");
        // past the range, and the record gives no defaultStatus: the schema's default is "unknown", not "unaffected"
        Verdict patched = AdvisoryMatcher.match(advisory, new InstalledPackage("Windows Server 2022", "10.0.20348.2582",
                null, cpe)).orElseThrow().verdict();
        assertThat(patched.status()).isEqualTo(Verdict.Status.UNKNOWN);
        assertThat(patched.reason()).contains("does not say");
        assertThat(AdvisoryMatcher.match(advisory, new InstalledPackage("x", "10.0.20348.2000", null,
                "cpe:2.3:o:microsoft:windows_server_2019:*:*:*:*:*:*:*:*"))).isEmpty();
    }

    @Test
    void statusChangesInsideARangeApply() throws Exception {
        Path dir = Corpus.require("cve-json5").resolve("records");
        AffectedPackage gamipress = null;
        try (var walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".json")).toList()) {
                if (Files.readString(file).contains("\"gamipress\"")) {
                    gamipress = AdvisoryReader.read(file.toString(), Files.readAllBytes(file)).advisories().get(0)
                            .affected().stream().filter(a -> "gamipress".equals(a.name())).findFirst().orElseThrow();
                }
            }
        }
        assertThat(gamipress).isNotNull();
        // affected from n/a up to 2.5.6, changing to unaffected at 2.5.7; default unaffected
        assertThat(CveVersionEvaluator.evaluate(gamipress, "2.5.6").status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(CveVersionEvaluator.evaluate(gamipress, "1.0").status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(CveVersionEvaluator.evaluate(gamipress, "2.5.7").status()).isEqualTo(Verdict.Status.NOT_AFFECTED);
        assertThat(CveVersionEvaluator.evaluate(gamipress, "2.5.7-beta").status()).isEqualTo(Verdict.Status.UNKNOWN);
    }

    private static Advisory read(String relative) throws Exception {
        Path file = Corpus.require("cve-json5").resolve("records").resolve(relative);
        return AdvisoryReader.read(file.toString(), Files.readAllBytes(file)).advisories().get(0);
    }
}
