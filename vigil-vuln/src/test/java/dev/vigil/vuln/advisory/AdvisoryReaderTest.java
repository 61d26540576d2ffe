package dev.vigil.vuln.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.vigil.vuln.parse.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Arrays and zips of records, each record standing alone; what is not JSON at all is refused whole. */
class AdvisoryReaderTest {

    private static final String GOOD = """
            {"id": "GHSA-test-0001", "modified": "2024-01-01T00:00:00Z", "aliases": ["CVE-2024-0001"],
             "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
             "affected": [{"package": {"ecosystem": "npm", "name": "left-pad"},
                           "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.3.0"}]}]}]}""";
    private static final String BROKEN = """
            {"id": "GHSA-test-0002", "modified": "2024-01-01T00:00:00Z",
             "affected": [{"package": {"ecosystem": "npm", "name": "x"},
                           "ranges": [{"type": "SEMVER", "events": [{"introduced": "1.0.0", "fixed": "1.1.0"}]}]}]}""";

    @Test
    void anArrayKeepsTheGoodRecordsAndNamesTheBrokenOnes() throws Exception {
        AdvisoryFile read = AdvisoryReader.read("batch.json", ("[" + GOOD + "," + BROKEN + "]").getBytes(StandardCharsets.UTF_8));
        assertThat(read.advisories()).extracting(Advisory::id).containsExactly("GHSA-test-0001");
        assertThat(read.advisories().get(0).aliases()).containsExactly("CVE-2024-0001");
        assertThat(read.advisories().get(0).cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(read.skipped()).singleElement().satisfies(s -> assertThat(s.message())
                .isEqualTo("batch.json at /1/affected/0/ranges/0/events/0: an event has exactly one of introduced, fixed, last_affected, limit"));
    }

    @Test
    void aZipIsReadEntryByEntry() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("npm/GHSA-test-0001.json"));
            zip.write(GOOD.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("npm/GHSA-test-0002.json"));
            zip.write(BROKEN.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("npm/bad.json"));
            zip.write("{not json".getBytes(StandardCharsets.UTF_8));
        }
        AdvisoryFile read = AdvisoryReader.read("all.zip", bytes.toByteArray());
        assertThat(read.advisories()).extracting(Advisory::id).containsExactly("GHSA-test-0001");
        assertThat(read.skipped()).extracting(AdvisoryFile.Skipped::source)
                .containsExactly("all.zip!npm/GHSA-test-0002.json", "all.zip!npm/bad.json");
        assertThat(read.skipped().get(1).message()).contains("line 1").contains("malformed JSON");
    }

    @Test
    void somethingElseIsRefused() throws Exception {
        assertThatThrownBy(() -> AdvisoryReader.read("x.json", "<xml/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("x.json at line 1");
        AdvisoryFile other = AdvisoryReader.read("y.json", "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8));
        assertThat(other.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("neither an OSV record"));
    }

    @Test
    void lastAffectedIsInclusiveAndLimitBoundsTheRange() throws Exception {
        String record = """
                {"id": "OSV-T-1", "modified": "2024-01-01T00:00:00Z",
                 "affected": [{"package": {"ecosystem": "PyPI", "name": "Foo_Bar"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "1.0"}, {"last_affected": "1.4"}]},
                              {"type": "ECOSYSTEM", "events": [{"introduced": "2.0"}, {"limit": "2.5"}]}]}]}""";
        Advisory advisory = AdvisoryReader.read("r.json", record.getBytes(StandardCharsets.UTF_8)).advisories().get(0);
        assertThat(status(advisory, "1.4")).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(status(advisory, "1.4.post1")).isEqualTo(Verdict.Status.NOT_AFFECTED);
        assertThat(status(advisory, "2.4")).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(status(advisory, "2.5")).isEqualTo(Verdict.Status.NOT_AFFECTED);
        assertThat(status(advisory, "0.9")).isEqualTo(Verdict.Status.NOT_AFFECTED);
    }

    private static Verdict.Status status(Advisory advisory, String version) {
        return AdvisoryMatcher.match(advisory, new InstalledPackage(null, version, "pkg:pypi/foo-bar", null))
                .orElseThrow().verdict().status();
    }
}
