package dev.vigil.server.vuln;

import java.time.Instant;
import java.util.List;

/** An advisory of the database as the API lists it. */
public record AdvisoryView(String id, String format, String summary, List<String> aliases, Instant published,
        Instant modified, Instant withdrawn, String cvssVector, int packages, String sourceFile, String importedBy,
        Instant importedAt) {
}
