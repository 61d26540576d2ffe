package dev.vigil.vuln.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.vigil.vuln.parse.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-made minimal reports of each format: detection, field mapping and error places. */
class ScannerReportsTest {

    private static ScannerReport read(String text) throws InvalidInputException {
        return ScannerReports.read("test-report", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void trivyVulnerabilityMisconfigurationSecretAndLicense() throws Exception {
        ScannerReport report = read("""
                {"SchemaVersion": 2, "ArtifactName": "img", "Results": [
                  {"Target": "img (alpine 3.10)", "Vulnerabilities": [
                    {"VulnerabilityID": "CVE-2019-1549", "PkgName": "libcrypto", "InstalledVersion": "1.1.1c",
                     "FixedVersion": "1.1.1d", "Status": "fixed", "Severity": "MEDIUM", "Title": "openssl bug",
                     "PkgIdentifier": {"PURL": "pkg:apk/alpine/libcrypto@1.1.1c"}, "SeveritySource": "nvd",
                     "CVSS": {"nvd": {"V3Vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", "V3Score": 5.3}}}],
                   "Misconfigurations": [{"ID": "KSV001", "AVDID": "AVD-KSV-0001", "Title": "priv", "Severity": "HIGH",
                     "Resolution": "set it"}],
                   "Secrets": [{"RuleID": "aws-key", "Title": "AWS", "Severity": "CRITICAL", "StartLine": 3}],
                   "Licenses": [{"Name": "GPL-2.0", "Category": "restricted", "Severity": "HIGH", "PkgName": "x"}]}]}
                """);
        assertThat(report.format()).isEqualTo(ScannerFormat.TRIVY_JSON);
        assertThat(report.findings()).extracting(Finding::kind).containsExactly(FindingKind.VULNERABILITY,
                FindingKind.WEAKNESS, FindingKind.SECRET, FindingKind.LICENSE);
        Finding vulnerability = report.findings().get(0);
        assertThat(vulnerability.vulnerabilityId()).isEqualTo("CVE-2019-1549");
        assertThat(vulnerability.component()).isEqualTo(new Component("libcrypto", "1.1.1c",
                "pkg:apk/alpine/libcrypto@1.1.1c"));
        assertThat(vulnerability.fixedVersion()).isEqualTo("1.1.1d");
        assertThat(vulnerability.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
        assertThat(vulnerability.cvssScore()).isEqualByComparingTo("5.3");
        assertThat(vulnerability.severity()).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(report.findings().get(1).vulnerabilityId()).isEqualTo("AVD-KSV-0001");
        assertThat(report.findings().get(1).remediation()).isEqualTo("set it");
        assertThat(report.findings().get(2).location()).isEqualTo("img (alpine 3.10):3");
    }

    @Test
    void legacyTrivyBareListIsRecognised() throws Exception {
        ScannerReport report = read("""
                [{"Target": "a", "Vulnerabilities": [{"VulnerabilityID": "CVE-1", "Severity": "LOW"}]}]""");
        assertThat(report.format()).isEqualTo(ScannerFormat.TRIVY_JSON);
        assertThat(report.findings()).singleElement().extracting(Finding::vulnerabilityId).isEqualTo("CVE-1");
    }

    @Test
    void grypeMatchesKeepRelatedIdsAndFixVersions() throws Exception {
        ScannerReport report = read("""
                {"matches": [{"vulnerability": {"id": "GHSA-1", "severity": "High",
                   "fix": {"versions": ["2.0", "1.9.9"], "state": "fixed"},
                   "cvss": [{"version": "2.0", "vector": "AV:N/AC:L/Au:N/C:P/I:P/A:P"},
                            {"version": "3.1", "vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                             "metrics": {"baseScore": 9.8}}]},
                  "relatedVulnerabilities": [{"id": "CVE-2020-1"}],
                  "artifact": {"name": "lib", "version": "1.0", "purl": "pkg:npm/lib@1.0",
                               "locations": [{"path": "/app/package-lock.json"}]}}],
                 "source": {"type": "image"}, "descriptor": {"name": "grype"}}""");
        assertThat(report.format()).isEqualTo(ScannerFormat.GRYPE_JSON);
        Finding finding = report.findings().get(0);
        assertThat(finding.vulnerabilityId()).isEqualTo("GHSA-1");
        assertThat(finding.aliases()).containsExactly("CVE-2020-1");
        assertThat(finding.fixedVersion()).isEqualTo("2.0, 1.9.9");
        assertThat(finding.cvssVector()).startsWith("CVSS:3.1/");
        assertThat(finding.location()).isEqualTo("/app/package-lock.json");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.HIGH);
    }

    @Test
    void sarifUsesRuleMetadataAndKeepsSuppressedResults() throws Exception {
        ScannerReport report = read("""
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Semgrep", "rules": [
                   {"id": "R1", "shortDescription": {"text": "SQL injection"},
                    "properties": {"security-severity": "9.1"}},
                   {"id": "R2", "defaultConfiguration": {"level": "note"}}]}},
                  "results": [
                   {"ruleId": "R1", "ruleIndex": 0, "message": {"text": "tainted"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/a.py"},
                                   "region": {"startLine": 12}}}]},
                   {"ruleId": "R2", "message": {"text": "style"}, "suppressions": [{"kind": "inSource"}]},
                   {"ruleId": "R3", "level": "error", "message": {"text": "no rule"}}]}]}""");
        assertThat(report.format()).isEqualTo(ScannerFormat.SARIF);
        List<Finding> findings = report.findings();
        assertThat(findings).extracting(Finding::severity)
                .containsExactly(FindingSeverity.CRITICAL, FindingSeverity.LOW, FindingSeverity.HIGH);
        assertThat(findings.get(0).title()).isEqualTo("SQL injection");
        assertThat(findings.get(0).location()).isEqualTo("src/a.py:12");
        assertThat(findings.get(0).scanner()).isEqualTo("Semgrep");
        assertThat(findings.get(1).status()).isEqualTo("suppressed");
    }

    @Test
    void openVasGmpXmlResults() throws Exception {
        ScannerReport report = read("""
                <report id="r1" format_id="a994b278-1f62-11e1-96ac-406186ea4fc5"><report id="r1"><results>
                  <result id="x"><name>rexec</name><host>192.0.2.7<asset/><hostname>h</hostname></host>
                    <port>512/tcp</port>
                    <nvt oid="1.3.6.1.4.1.25623.1.0.100111"><name>The rexec service is running</name>
                      <tags>summary=s|cvss_base_vector=AV:N/AC:L/Au:N/C:C/I:C/A:C|solution=Disable it</tags>
                      <refs><ref id="CVE-1999-0618" type="cve"/><ref id="http://x" type="url"/></refs></nvt>
                    <threat>High</threat><severity>10.0</severity><qod><value>80</value></qod>
                    <description>found</description></result>
                </results></report></report>""");
        assertThat(report.format()).isEqualTo(ScannerFormat.OPENVAS_XML);
        Finding finding = report.findings().get(0);
        assertThat(finding.vulnerabilityId()).isEqualTo("1.3.6.1.4.1.25623.1.0.100111");
        assertThat(finding.aliases()).containsExactly("CVE-1999-0618");
        assertThat(finding.location()).isEqualTo("192.0.2.7:512/tcp");
        assertThat(finding.status()).isEqualTo("qod=80");
        assertThat(finding.remediation()).isEqualTo("Disable it");
        assertThat(finding.cvssScore()).isEqualByComparingTo("10.0");
    }

    @Test
    void nessusV2ItemsIncludingInformational() throws Exception {
        ScannerReport report = read("""
                <?xml version="1.0" ?>
                <NessusClientData_v2><Report name="scan"><ReportHost name="192.0.2.5">
                  <ReportItem port="0" svc_name="general" protocol="tcp" severity="0" pluginID="19506"
                              pluginName="Nessus Scan Information"/>
                  <ReportItem port="443" svc_name="www" protocol="tcp" severity="4" pluginID="142591"
                              pluginName="PHP &lt; 7.3.24">
                    <cve>CVE-2020-7069</cve><cve>CVE-2020-7070</cve>
                    <cvss3_vector>CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H</cvss3_vector>
                    <cvss3_base_score>7.5</cvss3_base_score><solution>Upgrade</solution>
                  </ReportItem></ReportHost></Report></NessusClientData_v2>""");
        assertThat(report.format()).isEqualTo(ScannerFormat.NESSUS_XML);
        assertThat(report.findings()).extracting(Finding::severity)
                .containsExactly(FindingSeverity.INFO, FindingSeverity.CRITICAL);
        Finding php = report.findings().get(1);
        assertThat(php.title()).isEqualTo("PHP < 7.3.24");
        assertThat(php.aliases()).containsExactly("CVE-2020-7069", "CVE-2020-7070");
        assertThat(php.location()).isEqualTo("192.0.2.5:443/tcp");
        assertThat(report.findings().get(0).location()).isEqualTo("192.0.2.5");
    }

    @Test
    void cycloneDxJsonVexResolvesNestedComponentsAndAnalysis() throws Exception {
        ScannerReport report = read("""
                {"bomFormat": "CycloneDX", "specVersion": "1.5",
                 "components": [{"bom-ref": "app", "name": "app", "components": [
                    {"bom-ref": "pkg:maven/a/b@1.0", "name": "b", "version": "1.0", "purl": "pkg:maven/a/b@1.0"}]}],
                 "vulnerabilities": [{"id": "CVE-2021-44228",
                   "ratings": [{"method": "CVSSv31", "score": 10.0, "vector": "AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}],
                   "affects": [{"ref": "pkg:maven/a/b@1.0"}],
                   "analysis": {"state": "not_affected", "justification": "code_not_reachable"}}]}""");
        assertThat(report.format()).isEqualTo(ScannerFormat.CYCLONEDX_JSON);
        Finding finding = report.findings().get(0);
        assertThat(finding.component()).isEqualTo(new Component("b", "1.0", "pkg:maven/a/b@1.0"));
        assertThat(finding.status()).isEqualTo("not_affected");
        assertThat(finding.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
        assertThat(finding.severity()).as("band of the CVSS score when no severity is given")
                .isEqualTo(FindingSeverity.CRITICAL);
    }

    @Test
    void cycloneDxXml() throws Exception {
        ScannerReport report = read("""
                <bom xmlns="http://cyclonedx.org/schema/bom/1.4" version="1">
                  <components><component bom-ref="c1"><name>jackson</name><version>2.9.4</version></component>
                  </components>
                  <vulnerabilities><vulnerability><id>CVE-2018-7489</id>
                    <ratings><rating><score>9.8</score><severity>critical</severity><method>CVSSv3</method>
                      <vector>AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</vector></rating></ratings>
                    <affects><target><ref>c1</ref></target></affects></vulnerability></vulnerabilities></bom>""");
        assertThat(report.format()).isEqualTo(ScannerFormat.CYCLONEDX_XML);
        Finding finding = report.findings().get(0);
        assertThat(finding.component().name()).isEqualTo("jackson");
        assertThat(finding.cvssVector()).isEqualTo("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.CRITICAL);
    }

    @Test
    void csvExportsOfNessusAndOpenVas() throws Exception {
        ScannerReport nessus = read("""
                Plugin ID,CVE,CVSS,Risk,Host,Protocol,Port,Name,Synopsis,Description,Solution
                "42873","CVE-2016-2183","5.0","High","192.0.2.1","tcp","3389","SWEET32","s","multi
                line","fix"
                """);
        assertThat(nessus.format()).isEqualTo(ScannerFormat.NESSUS_CSV);
        assertThat(nessus.findings()).singleElement().satisfies(f -> {
            assertThat(f.vulnerabilityId()).isEqualTo("42873");
            assertThat(f.severity()).isEqualTo(FindingSeverity.HIGH);
            assertThat(f.description()).isEqualTo("multi\nline");
        });
        ScannerReport openvas = read("""
                IP,Hostname,Port,Port Protocol,CVSS,Severity,NVT Name,Summary,NVT OID,CVEs
                192.0.2.2,,22,tcp,4.3,Medium,SSH Weak Encryption,weak,1.3.6.1.4.1.25623.1.0.105611,"CVE-1, CVE-2"
                """);
        assertThat(openvas.format()).isEqualTo(ScannerFormat.OPENVAS_CSV);
        assertThat(openvas.findings().get(0).aliases()).containsExactly("CVE-1", "CVE-2");
        assertThat(openvas.findings().get(0).location()).isEqualTo("192.0.2.2:22/tcp");
    }

    @Test
    void jsonSyntaxErrorNamesLineAndColumn() {
        assertThatThrownBy(() -> read("{\"SchemaVersion\": 2,\n \"Results\": [ }"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("test-report at line 2, column")
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void structuralErrorNamesTheJsonPointer() {
        assertThatThrownBy(() -> read("""
                {"SchemaVersion": 2, "Results": [{"Target": "t", "Vulnerabilities": [{"Severity": "LOW"}]}]}"""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("test-report at /Results/0/Vulnerabilities/0/VulnerabilityID: "
                        + "required member \"VulnerabilityID\" is missing or empty");
        assertThatThrownBy(() -> read("{\"matches\": {}, \"descriptor\": {}}"))
                .hasMessageContaining("at /matches: expected an array");
    }

    @Test
    void trailingGarbageAfterJsonIsRejected() {
        assertThatThrownBy(() -> read("{\"matches\": [], \"descriptor\": {}} {}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 1");
    }

    @Test
    void xmlSyntaxErrorNamesLineAndColumn() {
        assertThatThrownBy(() -> read("<NessusClientData_v2>\n<Report>\n</NessusClientData_v2>"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("test-report at line 3, column");
    }

    @Test
    void xmlStructuralErrorNamesTheElementPath() {
        assertThatThrownBy(() -> read("""
                <NessusClientData_v2><Report><ReportHost name="h"><ReportItem port="1"/><ReportItem severity="1"/>
                </ReportHost></Report></NessusClientData_v2>"""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("test-report at element /NessusClientData_v2/Report[1]/ReportHost[1]/ReportItem[1]: "
                        + "required attribute 'pluginID' is missing or empty");
    }

    @Test
    void externalEntitiesAndDoctypesAreRefused() {
        assertThatThrownBy(() -> read("""
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <NessusClientData_v2><Report><ReportHost name="&xxe;"/></Report></NessusClientData_v2>"""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void raggedCsvRowNamesItsLine() {
        assertThatThrownBy(() -> read("""
                Plugin ID,CVE,Risk,Host,Port,Name
                1,,Low,h,0,a
                2,,Low,h
                """))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("test-report at line 3: expected 6 fields as in the header, found 4");
    }

    @Test
    void unrecognisedContentIsAnError() {
        assertThatThrownBy(() -> read("{\"hello\": 1}")).hasMessageContaining("unrecognised JSON report");
        assertThatThrownBy(() -> read("<html/>")).hasMessageContaining("unrecognised XML report root <html>");
        assertThatThrownBy(() -> read("a,b\n1,2\n")).hasMessageContaining("unrecognised report");
        assertThatThrownBy(() -> read("  \n ")).hasMessageContaining("empty file");
        assertThatThrownBy(() -> read("x\u0000y")).hasMessageContaining("binary content");
    }

    @Test
    void missingFileIsAnError() {
        assertThatThrownBy(() -> ScannerReports.read(java.nio.file.Path.of("/nonexistent/report.json")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("/nonexistent/report.json: no such file");
    }
}
