package dev.vigil.vuln.report;

import java.nio.file.Path;

import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Spot checks of mapped fields on real corpus reports (values read from the files by hand). */
class CorpusFindingFieldsTest {

    @Test
    void trivyAlpineGolden() throws Exception {
        Path file = Corpus.require("trivy").resolve("trivy-goldens/alpine-310.json");
        Finding first = ScannerReports.read(file).findings().get(0);
        assertThat(first.vulnerabilityId()).isEqualTo("CVE-2019-1549");
        assertThat(first.component()).isEqualTo(new Component("libcrypto1.1", "1.1.1c-r0",
                "pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2"));
        assertThat(first.fixedVersion()).isEqualTo("1.1.1d-r0");
        assertThat(first.status()).isEqualTo("fixed");
    }

    @Test
    void trivyKubernetesReportCountsResourcesOfBothGroups() throws Exception {
        ScannerReport report = ScannerReports.read(Corpus.require("trivy").resolve("defectdojo-fixtures/kubernetes.json"));
        assertThat(report.findings()).filteredOn(f -> f.kind() == FindingKind.VULNERABILITY).hasSize(10);
        assertThat(report.findings()).filteredOn(f -> f.kind() == FindingKind.WEAKNESS).hasSize(10);
        assertThat(report.findings().get(0).location()).startsWith("default/Deployment/redis-follower");
    }

    @Test
    void grypeSameCveOnDifferentPathsStaysTwoFindings() throws Exception {
        ScannerReport report = ScannerReports.read(
                Corpus.require("grype").resolve("defectdojo-fixtures/same_cve_different_paths.json"));
        assertThat(report.findings()).hasSize(2);
        assertThat(report.findings()).extracting(Finding::vulnerabilityId).containsOnly(
                report.findings().get(0).vulnerabilityId());
        assertThat(report.findings()).extracting(Finding::location).doesNotHaveDuplicates();
    }

    @Test
    void openVasManyVulnKeepsNvtOidAndQod() throws Exception {
        ScannerReport report = ScannerReports.read(Corpus.require("openvas").resolve("defectdojo-fixtures/many_vuln.xml"));
        Finding first = report.findings().get(0);
        assertThat(first.vulnerabilityId()).isEqualTo("1.3.6.1.4.1.25623.1.0.100111");
        assertThat(first.aliases()).containsExactly("CVE-1999-0618");
        assertThat(first.status()).isEqualTo("qod=80");
        assertThat(first.severity()).isEqualTo(FindingSeverity.HIGH);
    }

    @Test
    void nessusIssue6992HasCvss3() throws Exception {
        Finding finding = ScannerReports.read(Corpus.require("nessus").resolve("defectdojo-fixtures/issue_6992.nessus"))
                .findings().get(0);
        assertThat(finding.vulnerabilityId()).isEqualTo("142591");
        assertThat(finding.cvssVector()).isEqualTo("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H");
        assertThat(finding.cvssScore()).isEqualByComparingTo("7.5");
        assertThat(finding.location()).isEqualTo("testphp.vulnweb.com:80/tcp");
    }

    @Test
    void cycloneDxVexAnalysisState() throws Exception {
        Finding finding = ScannerReports.read(
                Corpus.require("cyclonedx").resolve("bom-examples/VEX/Use-Cases/Case-1/vex.json")).findings().get(0);
        assertThat(finding.vulnerabilityId()).isEqualTo("CVE-2020-25649");
        assertThat(finding.status()).isEqualTo("not_affected");
    }

    @Test
    void sarifSuppressedResultsAreKeptAndMarked() throws Exception {
        ScannerReport report = ScannerReports.read(
                Corpus.require("sarif").resolve("defectdojo-fixtures/suppression_test.sarif"));
        assertThat(report.findings()).hasSize(5);
        assertThat(report.findings()).filteredOn(f -> "suppressed".equals(f.status())).hasSize(3);
    }

    @Test
    void findingsNameTheScannedSystemOfTheirReport() throws Exception {
        assertThat(ScannerReports.read(Corpus.require("trivy").resolve("trivy-goldens/alpine-310.json")).findings())
                .extracting(Finding::target).containsOnly("testdata/fixtures/images/alpine-310.tar.gz");
        assertThat(ScannerReports.read(Corpus.require("nessus").resolve("defectdojo-fixtures/nessus_many_vuln.xml"))
                .findings()).extracting(Finding::target).containsOnly("preprod.boardvantage.net");
        assertThat(ScannerReports.read(Corpus.require("grype").resolve("grype-goldens/TestJsonImgsPresenter.json"))
                .findings()).extracting(Finding::target).containsOnly("user-input");
        assertThat(ScannerReports.read(Corpus.require("sarif").resolve("defectdojo-fixtures/appendix_k.sarif"))
                .findings()).extracting(Finding::target).containsOnly("https://github.com/example-corp/browser");
        assertThat(ScannerReports.read(Corpus.require("openvas").resolve("defectdojo-fixtures/many_vuln.xml"))
                .findings()).extracting(Finding::target).doesNotContainNull();
    }

    @Test
    void cycloneDxSbomsListTheirSoftwareWithoutFindings() throws Exception {
        ScannerReport report = ScannerReports.read(Corpus.require("cyclonedx").resolve("bom-examples/SBOM/laravel-7.12.0/bom.1.4.json"));
        assertThat(report.findings()).isEmpty();
        assertThat(report.inventory().subject()).isEqualTo("cyclonedx-php-composer-demo");
        assertThat(report.inventory().components()).hasSize(62).allSatisfy(c -> assertThat(c.name()).isNotBlank());
        assertThat(report.inventory().components()).anySatisfy(c -> assertThat(c.purl()).startsWith("pkg:composer/"));
        ScannerReport xml = ScannerReports.read(Corpus.require("cyclonedx").resolve("defectdojo-fixtures/valid-vulnerability-1.4.xml"));
        assertThat(xml.inventory().components()).isNotEmpty();
        ScannerReport trivy = ScannerReports.read(Corpus.require("trivy").resolve("trivy-goldens/alpine-310.json"));
        assertThat(trivy.inventory()).isEqualTo(SoftwareInventory.NONE);
    }
}
