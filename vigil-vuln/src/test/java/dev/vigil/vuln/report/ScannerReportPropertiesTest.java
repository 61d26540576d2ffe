package dev.vigil.vuln.report;

import java.nio.charset.StandardCharsets;

import dev.vigil.vuln.parse.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Malformed and hostile report content: either findings or a InvalidInputException, never anything else, no hang. */
class ScannerReportPropertiesTest {

    private static final String[] SEEDS = {
        """
        {"SchemaVersion": 2, "Results": [{"Target": "t", "Vulnerabilities": [{"VulnerabilityID": "CVE-1",
          "PkgName": "p", "Severity": "HIGH", "CVSS": {"nvd": {"V3Vector": "CVSS:3.1/AV:N", "V3Score": 9.8}}}],
          "Secrets": [{"RuleID": "r", "StartLine": 3}]}]}""",
        """
        {"matches": [{"vulnerability": {"id": "CVE-2", "fix": {"versions": ["1"]}, "cvss": [{"vector": "CVSS:3.1/x",
          "metrics": {"baseScore": 5}}]}, "artifact": {"name": "a", "locations": [{"path": "/p"}]}}],
         "descriptor": {"name": "grype"}}""",
        """
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "d", "rules": [{"id": "R",
          "properties": {"security-severity": "7.0"}}]}}, "results": [{"ruleId": "R", "ruleIndex": 0,
          "message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "f"}}}]}]}]}""",
        """
        {"bomFormat": "CycloneDX", "components": [{"bom-ref": "c", "name": "n"}], "vulnerabilities": [{"id": "V",
          "ratings": [{"method": "CVSSv31", "score": 5, "vector": "AV:N"}], "affects": [{"ref": "c"}]}]}""",
        """
        <NessusClientData_v2><Report><ReportHost name="h"><ReportItem pluginID="1" severity="2" port="80">
        <cvss3_base_score>5.0</cvss3_base_score><cve>CVE-3</cve></ReportItem></ReportHost></Report></NessusClientData_v2>""",
        """
        <report format_id="a994b278-1f62-11e1-96ac-406186ea4fc5"><report><results><result><host>h</host>
        <nvt oid="1.2"><refs><ref type="cve" id="CVE-4"/></refs></nvt><severity>5.0</severity></result>
        </results></report></report>""",
        """
        <bom xmlns="http://cyclonedx.org/schema/bom/1.4"><vulnerabilities><vulnerability><id>V</id><ratings><rating>
        <score>3</score><method>CVSSv3</method></rating></ratings></vulnerability></vulnerabilities></bom>""",
        "Plugin ID,CVE,Risk,Host,Port,Name\n\"1\",\"CVE-5\",\"High\",\"h\",\"80\",\"n\"\n",
        "IP,Hostname,Port,Port Protocol,CVSS,Severity,NVT Name,NVT OID\n1.2.3.4,,22,tcp,4.3,Medium,n,1.3\n",
    };

    @Property(tries = 1500)
    void mutatedReportsFailOnlyWithTheDocumentedException(@ForAll("mutatedReports") String content) {
        Throwable thrown = catchThrowable(() -> ScannerReports.read("fuzz", content.getBytes(StandardCharsets.UTF_8)));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(InvalidInputException.class);
            assertThat(thrown.getMessage()).startsWith("fuzz");
        }
    }

    @Property(tries = 500)
    void arbitraryBytesFailOnlyWithTheDocumentedException(@ForAll("bytes") byte[] content) {
        Throwable thrown = catchThrowable(() -> ScannerReports.read("fuzz", content));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(InvalidInputException.class);
        }
    }

    @Property(tries = 20)
    void deeplyNestedJsonIsRejectedNotOverflowing(@ForAll("depth") int depth) {
        String content = "[".repeat(depth) + "]".repeat(depth);
        Throwable thrown = catchThrowable(() -> ScannerReports.read("deep", content.getBytes(StandardCharsets.UTF_8)));
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
    }

    @Property(tries = 5)
    void deeplyNestedXmlIsRejectedNotOverflowing(@ForAll("depth") int depth) {
        String content = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><components>"
                + "<component bom-ref=\"x\"><components>".repeat(depth)
                + "</components></component>".repeat(depth) + "</components></bom>";
        Throwable thrown = catchThrowable(() -> ScannerReports.read("deep", content.getBytes(StandardCharsets.UTF_8)));
        assertThat(thrown).isInstanceOf(InvalidInputException.class).hasMessageContaining("line 1");
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.integers().between(1_000, 200_000);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<String> mutatedReports() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        Arbitrary<String> noise = Arbitraries.strings().withChars("{}[]<>\"/:,=&;\n 0123abcXYZ\\").ofMaxLength(6);
        return Combinators.combine(seed, Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 3),
                noise).as((text, position, operation, insert) -> {
                    int p = position % (text.length() + 1);
                    int end = Math.min(text.length(), p + 1 + position % 7);
                    return switch (operation) {
                        case 0 -> text.substring(0, p) + insert + text.substring(p);
                        case 1 -> text.substring(0, p) + text.substring(end);
                        case 2 -> text.substring(0, p);
                        default -> text.substring(0, p) + insert + text.substring(end);
                    };
                });
    }
}
