package dev.vigil.server.vuln;

import java.util.List;
import java.util.UUID;

/**
 * Outcome of one scanner report import.
 *
 * @param findings   findings the report contains (as {@code vigil import --dry-run} counts them)
 * @param created    new findings
 * @param updated    known findings seen again (including reopened ones)
 * @param reopened   findings that were fixed, verified or closed and are back
 * @param duplicates report entries with the identity of an earlier entry of the same report
 * @param closed     findings of the same scanners and assets (and scope) that this report no longer contains
 * @param assets     the assets the findings were bound to
 */
public record VulnImportReport(UUID importId, String file, String format, int findings, int created, int updated,
        int reopened, int duplicates, int closed, List<String> assets) {
}
