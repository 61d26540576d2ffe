package dev.vigil.vuln.csaf;

import java.time.Instant;
import java.util.List;

import dev.vigil.testkit.CsafSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documents the writer produces are valid against the official schema and pass every mandatory test. */
class CsafWriterTest {

    private static final Instant STARTED = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant RELEASED = Instant.parse("2026-11-29T12:30:00Z");

    private final CsafSchema schema = CsafSchema.load();
    private final CsafWriter writer = new CsafWriter();
    private final CsafValidator validator = new CsafValidator();

    @Test
    void aSecurityAdvisoryIsSchemaValidAndPassesTheMandatoryTests() {
        CsafAdvisory advisory = advisory(Profile.SECURITY_ADVISORY, new CsafAdvisory.Vulnerability("CVE-2026-1234", List.of(),
                "Heap overflow in the parser", List.of(new CsafAdvisory.Note("description", "Description", "A crafted header overflows a buffer.")),
                new CsafAdvisory.ProductStatus(List.of("CSAFPID-1"), List.of("CSAFPID-2"), List.of(), List.of()),
                List.of(new CsafAdvisory.Score(List.of("CSAFPID-1"), "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
                        new CsafAdvisory.Score(List.of("CSAFPID-1"), "AV:N/AC:L/Au:N/C:P/I:P/A:P")),
                List.of(new CsafAdvisory.Remediation("vendor_fix", "Update to 1.0.1", List.of("CSAFPID-1"), null)),
                List.of(new CsafAdvisory.Reference("external", "CVE-2026-1234", "https://www.cve.org/CVERecord?id=CVE-2026-1234")),
                List.of(), List.of()));

        String json = writer.toJson(advisory);
        JsonNode tree = JsonMapper.builder().build().readTree(json);

        assertThat(schema.errors(json)).isEmpty();
        assertThat(validator.validate(tree)).isEmpty();
        assertThat(validator.warnings(tree)).isEmpty();
        JsonNode v3 = tree.path("vulnerabilities").get(0).path("scores").get(0).path("cvss_v3");
        assertThat(v3.path("baseScore").decimalValue()).isEqualByComparingTo("9.8");
        assertThat(v3.path("baseSeverity").asString()).isEqualTo("CRITICAL");
        assertThat(tree.path("vulnerabilities").get(0).path("scores").get(1).path("cvss_v2").path("baseScore").decimalValue())
                .isEqualByComparingTo("7.5");
        assertThat(tree.at("/product_tree/branches/0/branches/0/branches/1/product/product_identification_helper/purl").asString())
                .isEqualTo("pkg:npm/acme-parser@1.0.1");
    }

    @Test
    void aVexDocumentWithAJustifiedNotAffectedProductIsValid() {
        CsafAdvisory vex = advisory(Profile.VEX, new CsafAdvisory.Vulnerability("CVE-2026-1234", List.of(), null,
                List.of(new CsafAdvisory.Note("description", null, "A crafted header overflows a buffer.")),
                new CsafAdvisory.ProductStatus(List.of(), List.of("CSAFPID-2"), List.of("CSAFPID-1"), List.of()),
                List.of(), List.of(), List.of(),
                List.of(new CsafAdvisory.Flag("vulnerable_code_not_in_execute_path", List.of("CSAFPID-1"))), List.of()));

        String json = writer.toJson(vex);

        assertThat(schema.errors(json)).isEmpty();
        assertThat(validator.validate(JsonMapper.builder().build().readTree(json))).isEmpty();
    }

    @Test
    void aContradictionIsWrittenFaithfullyAndTheValidatorNamesTestAndPath() {
        CsafAdvisory contradicting = advisory(Profile.SECURITY_ADVISORY, new CsafAdvisory.Vulnerability("CVE-2026-1234",
                List.of(), null, List.of(new CsafAdvisory.Note("description", null, "x")),
                new CsafAdvisory.ProductStatus(List.of("CSAFPID-1"), List.of("CSAFPID-1"), List.of(), List.of()),
                List.of(), List.of(), List.of(), List.of(), List.of()));

        ObjectNode tree = writer.write(contradicting);

        assertThat(schema.errors(tree.toString())).isEmpty();
        assertThat(validator.validate(tree)).containsExactly(new CsafViolation("6.1.6",
                "/vulnerabilities/0/product_status/known_affected/0", "product 'CSAFPID-1' is both fixed and affected"));
    }

    @Test
    void theSchemaCheckRejectsADocumentWithoutTitle() {
        ObjectNode tree = writer.write(advisory(Profile.SECURITY_ADVISORY, null));
        ((ObjectNode) tree.path("document")).remove("title");
        assertThat(schema.errors(tree.toString())).anyMatch(e -> e.contains("title"));
    }

    @Test
    void theSchemaCheckFollowsTheReferencedCvssSchema() {
        ObjectNode tree = writer.write(advisory(Profile.SECURITY_ADVISORY, new CsafAdvisory.Vulnerability("CVE-2026-1234",
                List.of(), null, List.of(new CsafAdvisory.Note("description", null, "x")),
                new CsafAdvisory.ProductStatus(List.of("CSAFPID-1"), List.of(), List.of(), List.of()),
                List.of(new CsafAdvisory.Score(List.of("CSAFPID-1"), "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")),
                List.of(), List.of(), List.of(), List.of())));
        ((ObjectNode) tree.at("/vulnerabilities/0/scores/0/cvss_v3")).put("baseSeverity", "SEVERE");
        assertThat(schema.errors(tree.toString())).anyMatch(e -> e.contains("baseSeverity"));
    }

    @Test
    void cvss4VectorsAreRefusedBecauseCsaf20CannotCarryThem() {
        CsafAdvisory advisory = advisory(Profile.SECURITY_ADVISORY, new CsafAdvisory.Vulnerability("CVE-2026-1234", List.of(),
                null, List.of(), new CsafAdvisory.ProductStatus(List.of("CSAFPID-1"), List.of(), List.of(), List.of()),
                List.of(new CsafAdvisory.Score(List.of("CSAFPID-1"), "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")),
                List.of(), List.of(), List.of(), List.of()));
        assertThatThrownBy(() -> writer.write(advisory)).hasMessageContaining("v2 and v3");
    }

    private static CsafAdvisory advisory(Profile profile, CsafAdvisory.Vulnerability vulnerability) {
        return new CsafAdvisory(profile, "Acme parser: heap overflow",
                new CsafAdvisory.Publisher("vendor", "Acme PSIRT", "https://psirt.acme.example"),
                new CsafAdvisory.Tracking("ACME-SA-2026-0001", "final", "2", STARTED, RELEASED, List.of(
                        new CsafAdvisory.Revision("1", STARTED, "Initial release"),
                        new CsafAdvisory.Revision("2", RELEASED, "Fixed version added"))),
                "en", "WHITE",
                List.of(new CsafAdvisory.Note("summary", "Summary", "The parser overflows on crafted headers.")),
                List.of(new CsafAdvisory.Reference("self", "This advisory", "https://psirt.acme.example/ACME-SA-2026-0001.json")),
                List.of(new CsafAdvisory.Product("Acme", "acme-parser", List.of(
                        new CsafAdvisory.ProductVersion("CSAFPID-1", "1.0.0", "pkg:npm/acme-parser@1.0.0"),
                        new CsafAdvisory.ProductVersion("CSAFPID-2", "1.0.1", "pkg:npm/acme-parser@1.0.1")))),
                vulnerability == null ? List.of() : List.of(vulnerability));
    }
}
