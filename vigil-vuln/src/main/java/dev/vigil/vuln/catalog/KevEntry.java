package dev.vigil.vuln.catalog;

import java.time.LocalDate;
import java.util.List;

/** One entry of CISA's Known Exploited Vulnerabilities catalogue. */
public record KevEntry(String cveId, String vendorProject, String product, String vulnerabilityName,
                       LocalDate dateAdded, String shortDescription, String requiredAction, LocalDate dueDate,
                       boolean knownRansomwareCampaignUse, String notes, List<String> cwes) {

    public KevEntry {
        cwes = List.copyOf(cwes);
    }
}
