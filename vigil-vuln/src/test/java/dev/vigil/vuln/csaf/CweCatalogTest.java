package dev.vigil.vuln.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** §6.1.11 against the CWE catalogue: a known id under its own name passes, a wrong name or an unknown id fails. */
class CweCatalogTest {

    @Test
    void theCatalogueNamesWeaknessesAndTheTestHoldsDocumentsToIt() {
        assertThat(CweCatalog.size()).isGreaterThan(900);
        assertThat(CweCatalog.name("CWE-787")).hasValue("Out-of-bounds Write");
        assertThat(CweCatalog.name("CWE-999999")).isEmpty();

        CsafValidator validator = new CsafValidator();
        assertThat(validator.validate(document("CWE-787", "Out-of-bounds Write"), "6.1.11")).isEmpty();
        List<CsafViolation> wrongName = validator.validate(document("CWE-787", "Out-of-bounds Read"), "6.1.11");
        assertThat(wrongName).singleElement().satisfies(v -> assertThat(v.toString()).contains("/vulnerabilities/0/cwe/name",
                "Out-of-bounds Write"));
        assertThat(validator.validate(document("CWE-999999", "Made up"), "6.1.11")).singleElement()
                .satisfies(v -> assertThat(v.toString()).contains("/vulnerabilities/0/cwe/id", "not in the CWE catalogue"));
    }

    private static tools.jackson.databind.JsonNode document(String id, String name) {
        return JsonMapper.builder().build().readTree("{\"vulnerabilities\":[{\"cwe\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}}]}");
    }
}
