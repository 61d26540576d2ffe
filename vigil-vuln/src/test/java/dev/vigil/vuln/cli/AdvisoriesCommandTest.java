package dev.vigil.vuln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;

/** {@code vigil advisories} over the shared OSV corpus: lines, exit codes and errors. */
class AdvisoriesCommandTest {

    private static String file(String relative) {
        Path path = Corpus.require("osv").resolve("records").resolve(relative);
        return path.toString();
    }

    @Test
    void affectedPackagesArePrintedWithTheirFixAndExitOne() {
        CommandRunner run = CommandRunner.run(new AdvisoriesCommand(),
                file("ghsa-converter-expected/npm_greater_than.osv.json"), file("osv-linter-testdata/PYSEC-2023-74.json"),
                "--purl", "pkg:npm/jquery@2.2.4", "--purl", "pkg:pypi/requests@2.31.0", "--purl", "pkg:npm/left-pad@1.0.0");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out().lines().toList()).containsExactly(
                "affected GHSA-mhpp-875w-9cpv pkg:npm/jquery@2.2.4 fixed=3.0.0 SEMVER range introduced 2.1.1-0, fixed 3.0.0",
                "undetermined PYSEC-2023-74 pkg:pypi/requests@2.31.0 fixed=- GIT range of https://github.com/psf/requests "
                        + "names commits, not versions");
    }

    @Test
    void nothingAffectedExitsZeroAndBrokenRecordsGoToStderr() {
        CommandRunner run = CommandRunner.run(new AdvisoriesCommand(),
                file("ghsa-converter-expected/npm_greater_than.osv.json"),
                file("osv-linter-testdata/nointroduced-CVE-2023-41045.json"), "--purl", "pkg:npm/jquery@3.0.0", "--all");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("not-affected GHSA-mhpp-875w-9cpv pkg:npm/jquery@3.0.0 fixed=-");
        assertThat(run.err()).contains("skipped:").contains("nointroduced-CVE-2023-41045.json at /affected/0/ranges/0/events");
    }

    @Test
    void badInputExitsTwo() {
        CommandRunner noVersion = CommandRunner.run(new AdvisoriesCommand(),
                file("ghsa-converter-expected/npm_greater_than.osv.json"), "--purl", "pkg:npm/jquery");
        assertThat(noVersion.exitCode()).isEqualTo(2);
        assertThat(noVersion.err()).contains("not a package URL with a version");
        CommandRunner missing = CommandRunner.run(new AdvisoriesCommand(), "/nonexistent/advisories.json",
                "--purl", "pkg:npm/jquery@1.0.0");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("/nonexistent/advisories.json");
    }
}
