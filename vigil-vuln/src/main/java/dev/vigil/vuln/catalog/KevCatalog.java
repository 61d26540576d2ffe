package dev.vigil.vuln.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded KEV catalogue with lookup by CVE id. The CSV export carries no catalogue version or release date; those are
 * null when read from CSV.
 */
public final class KevCatalog {

    private final String catalogVersion;
    private final String dateReleased;
    private final Map<String, KevEntry> byCve;

    public KevCatalog(String catalogVersion, String dateReleased, List<KevEntry> entries) {
        this.catalogVersion = catalogVersion;
        this.dateReleased = dateReleased;
        this.byCve = new LinkedHashMap<>();
        for (KevEntry entry : entries) {
            byCve.putIfAbsent(entry.cveId().toUpperCase(Locale.ROOT), entry);
        }
    }

    public String catalogVersion() {
        return catalogVersion;
    }

    public String dateReleased() {
        return dateReleased;
    }

    public List<KevEntry> entries() {
        return List.copyOf(byCve.values());
    }

    public int size() {
        return byCve.size();
    }

    /** The entry for a CVE id (case-insensitive), if the CVE is known to be exploited. */
    public Optional<KevEntry> find(String cveId) {
        return cveId == null ? Optional.empty() : Optional.ofNullable(byCve.get(cveId.strip().toUpperCase(Locale.ROOT)));
    }

    public boolean contains(String cveId) {
        return find(cveId).isPresent();
    }
}
