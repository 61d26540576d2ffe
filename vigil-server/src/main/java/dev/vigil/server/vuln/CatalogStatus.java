package dev.vigil.server.vuln;

import java.time.Instant;

/** The imported KEV or EPSS catalog: its version (KEV catalog version, EPSS score date), size and when it came. */
public record CatalogStatus(String kind, String version, int entries, String importedBy, Instant importedAt, int findingsRescored) {
}
