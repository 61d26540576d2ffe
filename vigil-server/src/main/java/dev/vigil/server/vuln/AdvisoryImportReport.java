package dev.vigil.server.vuln;

import java.util.List;

/**
 * The result of an advisory upload and the matching that followed it.
 *
 * @param stored   advisories added or replaced
 * @param rejected REJECTED CVE records, which are not advisories
 * @param invalid  broken records, each "file at place: reason" (at most 100 listed, {@code invalidCount} counts all)
 * @param matching per tenant, what matching the inventories against the database found
 */
public record AdvisoryImportReport(String file, int stored, int rejected, int invalidCount, List<String> invalid,
        List<AdvisoryMatchReport> matching) {
}
