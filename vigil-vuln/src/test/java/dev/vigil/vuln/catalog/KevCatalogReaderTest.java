package dev.vigil.vuln.catalog;

import java.nio.file.Path;
import java.time.LocalDate;

import dev.vigil.testkit.Corpus;
import dev.vigil.vuln.parse.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KevCatalogReaderTest {

    @Test
    void corpusJsonFeedLoadsEveryEntry() throws Exception {
        KevCatalog catalog = KevCatalogReader.read(Corpus.require("kev").resolve("known_exploited_vulnerabilities.json"));
        assertThat(catalog.size()).isEqualTo(983);
        assertThat(catalog.catalogVersion()).isEqualTo("2025.08.25");
        assertThat(catalog.entries()).filteredOn(KevEntry::knownRansomwareCampaignUse).hasSize(196);
        KevEntry citrix = catalog.find("cve-2024-8068").orElseThrow();
        assertThat(citrix.vendorProject()).isEqualTo("Citrix");
        assertThat(citrix.dateAdded()).isEqualTo(LocalDate.of(2025, 8, 25));
        assertThat(citrix.dueDate()).isEqualTo(LocalDate.of(2025, 9, 15));
        assertThat(citrix.cwes()).containsExactly("CWE-269");
        assertThat(catalog.contains("CVE-1999-0001")).isFalse();
    }

    @Test
    void corpusCsvAgreesWithTheJsonFeed() throws Exception {
        Path folder = Corpus.require("kev");
        KevCatalog json = KevCatalogReader.read(folder.resolve("known_exploited_vulnerabilities.json"));
        KevCatalog csv = KevCatalogReader.read(folder.resolve("known_exploited_vulnerabilities.csv"));
        assertThat(csv.size()).isEqualTo(983);
        assertThat(csv.catalogVersion()).isNull();
        // free-text fields differ only in surrounding whitespace (CSV values are trimmed); compare the facts
        assertThat(csv.entries().stream().map(KevCatalogReaderTest::facts).toList())
                .isEqualTo(json.entries().stream().map(KevCatalogReaderTest::facts).toList());
    }

    private static String facts(KevEntry e) {
        return String.join("|", e.cveId(), e.vendorProject().strip(), String.valueOf(e.dateAdded()),
                String.valueOf(e.dueDate()), String.valueOf(e.knownRansomwareCampaignUse()), e.cwes().toString());
    }

    @Test
    void countMismatchIsAnError() {
        assertThatThrownBy(() -> KevCatalogReader.read("kev.json", """
                {"catalogVersion": "1", "dateReleased": "x", "count": 2, "vulnerabilities": [
                  {"cveID": "CVE-2024-0001", "dateAdded": "2024-01-01"}]}"""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("kev.json at /count: count is 2 but the catalogue has 1 entries");
    }

    @Test
    void invalidIdsAndDatesNameTheirPlace() {
        assertThatThrownBy(() -> KevCatalogReader.read("kev.json", """
                {"count": 1, "vulnerabilities": [{"cveID": "CVE-24-1", "dateAdded": "2024-01-01"}]}"""))
                .hasMessage("kev.json at /vulnerabilities/0/cveID: 'CVE-24-1' is not a CVE id (CVE-YYYY-NNNN)");
        assertThatThrownBy(() -> KevCatalogReader.read("kev.csv", """
                cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate,knownRansomwareCampaignUse,notes,cwes
                CVE-2024-0001,v,p,n,2024-01-01,d,a,2024-01-15,Unknown,,
                CVE-2024-0002,v,p,n,01/02/2024,d,a,2024-01-15,Unknown,,
                """))
                .hasMessage("kev.csv at line 3: '01/02/2024' is not a date (YYYY-MM-DD)");
        assertThatThrownBy(() -> KevCatalogReader.read("kev.csv", "cveID,product\nCVE-2024-0001,p\n"))
                .hasMessage("kev.csv at line 1: missing column \"vendorProject\" in the header");
    }
}
