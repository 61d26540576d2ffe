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

    @Test
    void theSystemsDistributionScopesReleaseBoundAdvisories() {
        String rhsa = file("redhat-converter-expected/RHSA-2024_6220.json");
        String pyyaml = "pkg:rpm/redhat/PyYAML@5.3.1-1.module%2Bel8.4.0%2B9822%2B20bf1249";
        CommandRunner unknown = CommandRunner.run(new AdvisoriesCommand(), rhsa, "--purl", pyyaml);
        assertThat(unknown.exitCode()).as(unknown.err()).isZero();
        assertThat(unknown.out()).startsWith("undetermined RHSA-2024:6220 ").contains("which Red Hat release");
        CommandRunner onEightSix = CommandRunner.run(new AdvisoriesCommand(), rhsa, "--purl", pyyaml, "--os", "rhel-8.6");
        assertThat(onEightSix.exitCode()).as(onEightSix.err()).isEqualTo(1);
        assertThat(onEightSix.out()).startsWith("affected RHSA-2024:6220 ").contains("fixed=0:5.4.1-1.module+el8.5.0+10613+59a13ec4");
        CommandRunner onNine = CommandRunner.run(new AdvisoriesCommand(), rhsa, "--purl", pyyaml, "--os", "rhel-9.2", "--all");
        assertThat(onNine.exitCode()).isZero();
        assertThat(onNine.out()).isEmpty();
        CommandRunner bad = CommandRunner.run(new AdvisoriesCommand(), rhsa, "--purl", pyyaml, "--os", "windows-2022");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--os windows-2022");
    }
}
