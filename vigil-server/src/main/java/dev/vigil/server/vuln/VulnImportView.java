package dev.vigil.server.vuln;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One past import: what came in and what it changed. */
public record VulnImportView(UUID id, String tenant, String file, String format, List<String> scanners, int findings,
        int created, int updated, int reopened, int closed, String importedBy, Instant importedAt) {
}
