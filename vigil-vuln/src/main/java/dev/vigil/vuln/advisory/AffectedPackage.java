package dev.vigil.vuln.advisory;

import java.util.List;

/**
 * A package (or product) an advisory affects and which of its versions. OSV records fill {@code ranges} and
 * {@code versions}; CVE records fill {@code statements} and {@code defaultStatus}. Identity fields that the record does
 * not give are null.
 *
 * @param ecosystem     OSV ecosystem (e.g. {@code npm}, {@code Debian:12}); for CVE records the ecosystem of its
 *                      package URL or collection URL when known
 * @param name          package name in that ecosystem (Maven {@code group:artifact}, Go module path, ...)
 * @param purl          package URL without version
 * @param vendor        CVE vendor
 * @param product       CVE product
 * @param cpes          CPE names the record lists
 * @param place         where in the record this entry is (JSON pointer), for messages
 */
public record AffectedPackage(String ecosystem, String name, String purl, String vendor, String product,
        List<String> cpes, List<AffectedRange> ranges, List<String> versions, List<VersionStatement> statements,
        String defaultStatus, String place) {

    public AffectedPackage {
        cpes = List.copyOf(cpes);
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
        statements = List.copyOf(statements);
    }

    /** A readable name for messages: ecosystem/name, purl or vendor/product. */
    public String label() {
        if (name != null) {
            return (ecosystem == null ? "" : ecosystem + "/") + name;
        }
        if (purl != null) {
            return purl;
        }
        if (product != null) {
            return (vendor == null ? "" : vendor + " ") + product;
        }
        return place;
    }
}
