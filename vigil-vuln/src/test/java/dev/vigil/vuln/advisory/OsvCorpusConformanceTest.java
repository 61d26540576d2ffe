package dev.vigil.vuln.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every OSV record of ../shared/corpus/osv is read or refused with a reason naming the file and the place; the GHSA
 * converter outputs decide affected / not affected exactly as their ranges say.
 */
class OsvCorpusConformanceTest {

    private static Path records() {
        return Corpus.require("osv").resolve("records");
    }

    @Test
    void everyRecordIsReadOrRefusedWithItsReason() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(records())) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(18);
        for (Path file : files) {
            AdvisoryFile read = AdvisoryReader.read(file.toString(), Files.readAllBytes(file));
            String name = file.getFileName().toString();
            if (name.startsWith("nointroduced-") || name.startsWith("nondistinct-")) {
                assertThat(read.advisories()).as(name).isEmpty();
                assertThat(read.skipped()).as(name).singleElement().satisfies(s -> {
                    assertThat(s.rejected()).isFalse();
                    assertThat(s.message()).contains(name).contains("/affected/");
                });
            } else {
                assertThat(read.skipped()).as(name).isEmpty();
                assertThat(read.advisories()).as(name).isNotEmpty()
                        .allSatisfy(a -> assertThat(a.id()).isNotBlank());
            }
        }
    }

    @Test
    void brokenRecordsNameTheRule() throws Exception {
        Path dir = records().resolve("osv-linter-testdata");
        assertThat(skipped(dir.resolve("nointroduced-CVE-2023-41045.json")))
                .isEqualTo("at /affected/0/ranges/0/events: a range needs an \"introduced\" event");
        assertThat(skipped(dir.resolve("nondistinct-CVE-2018-5407.json")))
                .startsWith("at /affected/6/ranges/1/events/1: events of a range must be distinct");
    }

    @Test
    void withdrawnAdvisoriesMatchNothing() throws Exception {
        Advisory withdrawn = single("ghsa-converter-expected/withdrawn.osv.json");
        assertThat(withdrawn.withdrawn()).isNotNull();
        assertThat(AdvisoryMatcher.match(withdrawn, new InstalledPackage("activesupport", "3.2.1",
                "pkg:gem/activesupport@3.2.1", null))).isEmpty();
    }

    @Test
    void gitRangesAreReportedAsNotEvaluable() throws Exception {
        Advisory requests = single("osv-linter-testdata/PYSEC-2023-74.json");
        // 2.30.0 is in the ECOSYSTEM range, so the GIT range does not matter
        assertThat(verdict(requests, "pkg:pypi/requests", "2.30.0").status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(verdict(requests, "pkg:pypi/requests", "2.30.0").fixedVersion()).isEqualTo("2.31.0");
        // outside the ECOSYSTEM range and the version list: only the GIT range could say, and it cannot
        Verdict outside = verdict(requests, "pkg:pypi/requests", "2.31.0");
        assertThat(outside.status()).isEqualTo(Verdict.Status.UNKNOWN);
        assertThat(outside.reason()).contains("GIT range").contains("names commits");
    }

    @ParameterizedTest(name = "{0}: {1}@{2} is {3}")
    @CsvSource({
            // file, installed package URL, version, verdict, fixed version
            "equals_no_patch.osv.json, pkg:gem/paranoid2, 1.1.6, AFFECTED, ",
            "equals_no_patch.osv.json, pkg:gem/paranoid2, 1.1.6.0, AFFECTED, ",
            "equals_no_patch.osv.json, pkg:gem/paranoid2, 1.1.5, NOT_AFFECTED, ",
            "full_ranges.osv.json, pkg:maven/com.typesafe.akka/akka-actor_2.12, 2.4.20, NOT_AFFECTED, ",
            "full_ranges.osv.json, pkg:maven/com.typesafe.akka/akka-actor_2.12, 2.5.0, AFFECTED, 2.5.16",
            "full_ranges.osv.json, pkg:maven/com.typesafe.akka/akka-actor_2.11, 2.5.15, AFFECTED, 2.5.16",
            "full_ranges.osv.json, pkg:maven/com.typesafe.akka/akka-actor_2.12, 2.5.16, NOT_AFFECTED, ",
            "greater_than_equals_no_patch.osv.json, pkg:npm/marky-markdown, 0.0.0, AFFECTED, ",
            "greater_than_equals_no_patch.osv.json, pkg:npm/marky-markdown, 11.3.2, AFFECTED, ",
            "less_than_equals_with_patch.osv.json, pkg:npm/i18next, 1.10.2, AFFECTED, 1.10.3",
            "less_than_equals_with_patch.osv.json, pkg:npm/i18next, 1.10.3, NOT_AFFECTED, ",
            "maven_greater_than.osv.json, pkg:maven/org.xwiki.commons/xwiki-commons-core, 11.6, NOT_AFFECTED, ",
            "maven_greater_than.osv.json, pkg:maven/org.xwiki.commons/xwiki-commons-core, 11.6.1, AFFECTED, 11.10.13",
            "maven_greater_than.osv.json, pkg:maven/org.xwiki.commons/xwiki-commons-core, 11.10.13, NOT_AFFECTED, ",
            "maven_greater_than.osv.json, pkg:maven/org.xwiki.commons/xwiki-commons-core, 12.0, AFFECTED, 12.6.7",
            "maven_greater_than.osv.json, pkg:maven/org.xwiki.commons/xwiki-commons-core, 12.6.7, NOT_AFFECTED, ",
            "maven_greater_than.osv.json, pkg:maven/org.xwiki.commons/xwiki-commons-core, 12.10.1, AFFECTED, 12.10.2",
            "maven_greater_than.osv.json, pkg:maven/org.xwiki.commons/xwiki-commons-core, 12.10.2, NOT_AFFECTED, ",
            "npm_greater_than.osv.json, pkg:npm/jquery, 2.1.0, NOT_AFFECTED, ",
            "npm_greater_than.osv.json, pkg:npm/jquery, 2.1.1-0, AFFECTED, 3.0.0",
            "npm_greater_than.osv.json, pkg:npm/jquery, 2.2.4, AFFECTED, 3.0.0",
            "npm_greater_than.osv.json, pkg:npm/jquery, 3.0.0-rc1, AFFECTED, 3.0.0",
            "npm_greater_than.osv.json, pkg:npm/jquery, 3.0.0, NOT_AFFECTED, ",
    })
    void ghsaConverterRangesDecide(String file, String purl, String version, Verdict.Status expected, String fixed)
            throws Exception {
        Verdict verdict = verdict(single("ghsa-converter-expected/" + file), purl, version);
        assertThat(verdict.status()).as(verdict.reason()).isEqualTo(expected);
        assertThat(verdict.fixedVersion()).isEqualTo(fixed);
    }

    @ParameterizedTest(name = "{0}@{1} is {2}")
    @CsvSource({
            "pkg:golang/github.com/containerd/containerd, v1.6.25, AFFECTED",
            "pkg:golang/github.com/containerd/containerd, v1.6.26, NOT_AFFECTED",
            "pkg:golang/github.com/containerd/containerd, 1.7.10, AFFECTED",
            "pkg:golang/github.com/containerd/containerd, 1.7.11, NOT_AFFECTED",
            "pkg:golang/github.com/elastic/beats/v7, 7.17.15, AFFECTED",
            "pkg:golang/github.com/gin-gonic/gin, 1.9.0, NOT_MATCHED",
    })
    void goRecordsOfTheGrypeTestdata(String purl, String version, String expected) throws Exception {
        Path file = records().resolve("grype-processor-testdata/osv.json");
        List<Advisory> advisories = AdvisoryReader.read(file.toString(), Files.readAllBytes(file)).advisories();
        List<AdvisoryMatch> matches = AdvisoryMatcher.match(advisories, List.of(new InstalledPackage(null, version, purl, null)));
        if (expected.equals("NOT_MATCHED")) {
            assertThat(matches).isEmpty();
        } else {
            assertThat(matches).singleElement().satisfies(m -> assertThat(m.verdict().status().name()).isEqualTo(expected));
        }
    }

    @Test
    void redHatRecordsCompareAsRpm() throws Exception {
        Advisory rhsa = single("redhat-converter-expected/RHSA-2024_6220.json");
        AffectedPackage pyyaml = rhsa.affected().get(0);
        assertThat(pyyaml.name()).isEqualTo("PyYAML");
        assertThat(OsvVersionEvaluator.evaluate(pyyaml, "0:5.4.1-1.module+el8.5.0+10600+59a13ec4").status())
                .isEqualTo(Verdict.Status.AFFECTED);
        assertThat(OsvVersionEvaluator.evaluate(pyyaml, "5.4.1-1.module+el8.5.0+10613+59a13ec4").status())
                .isEqualTo(Verdict.Status.NOT_AFFECTED);
        assertThat(OsvVersionEvaluator.evaluate(pyyaml, "not a version at all!").status()).isEqualTo(Verdict.Status.UNKNOWN);
    }

    private static Verdict verdict(Advisory advisory, String purl, String version) {
        return AdvisoryMatcher.match(advisory, new InstalledPackage(null, version, purl, null))
                .orElseThrow(() -> new AssertionError(purl + " is not named by " + advisory.id())).verdict();
    }

    private static Advisory single(String relative) throws Exception {
        Path file = records().resolve(relative);
        AdvisoryFile read = AdvisoryReader.read(file.toString(), Files.readAllBytes(file));
        assertThat(read.skipped()).isEmpty();
        assertThat(read.advisories()).hasSize(1);
        return read.advisories().get(0);
    }

    private static String skipped(Path file) throws Exception {
        AdvisoryFile read = AdvisoryReader.read(file.toString(), Files.readAllBytes(file));
        assertThat(read.skipped()).hasSize(1);
        return read.skipped().get(0).message().substring(file.toString().length() + 1);
    }
}
