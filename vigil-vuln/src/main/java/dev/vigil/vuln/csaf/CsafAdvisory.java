package dev.vigil.vuln.csaf;

import java.time.Instant;
import java.util.List;

/**
 * A CSAF 2.0 document of the profiles {@code csaf_security_advisory} or {@code csaf_vex}, as far as Vigil writes it;
 * {@link CsafWriter} turns it into JSON. Lists are never null (empty when there is nothing).
 *
 * @param profile         security advisory or VEX
 * @param title           {@code /document/title}
 * @param publisher       {@code /document/publisher}
 * @param tracking        {@code /document/tracking}
 * @param lang            the document's language, e.g. {@code en}
 * @param tlp             the TLP label of {@code /document/distribution} ({@code WHITE}, {@code GREEN}, {@code AMBER},
 *                        {@code RED})
 * @param notes           document notes (a summary, the legal disclaimer, ...)
 * @param references      document references
 * @param products        the product tree: one vendor branch per product and its versions
 * @param vulnerabilities the vulnerabilities and how they affect the products
 */
public record CsafAdvisory(Profile profile, String title, Publisher publisher, Tracking tracking, String lang, String tlp,
                           List<Note> notes, List<Reference> references, List<Product> products,
                           List<Vulnerability> vulnerabilities) {

    /** @param category {@code vendor}, {@code coordinator}, {@code user}, ...; @param namespace the publisher's URL */
    public record Publisher(String category, String name, String namespace) {
    }

    /**
     * @param id                 the tracking id, unique for the publisher
     * @param status             {@code draft}, {@code interim} or {@code final}
     * @param version            the document version (integer versioning)
     * @param initialReleaseDate when it was first released (for a draft: when it was started)
     * @param currentReleaseDate when this version was released
     * @param revisions          the revision history, oldest first
     */
    public record Tracking(String id, String status, String version, Instant initialReleaseDate,
                           Instant currentReleaseDate, List<Revision> revisions) {
    }

    public record Revision(String number, Instant date, String summary) {
    }

    /** @param category {@code summary}, {@code description}, {@code details}, {@code general}, {@code legal_disclaimer}, ... */
    public record Note(String category, String title, String text) {
    }

    /** @param category {@code self} or {@code external} */
    public record Reference(String category, String summary, String url) {
    }

    /** A product of one vendor and the versions the document speaks of. */
    public record Product(String vendor, String name, List<ProductVersion> versions) {
    }

    /** @param productId the id the vulnerabilities refer to; @param purl its package URL, or null */
    public record ProductVersion(String productId, String version, String purl) {
    }

    /**
     * @param cve          the CVE id, or null
     * @param ids          other ids (system name and text), e.g. a GHSA id
     * @param title        a short title, or null
     * @param notes        at least one note (a description)
     * @param status       which products are affected, fixed, not affected or under investigation
     * @param scores       CVSS scores (v2 and v3 vectors; v4 has no place in CSAF 2.0)
     * @param remediations what to do, per product
     * @param flags        VEX justifications of known_not_affected products
     * @param threats      impact statements and the like
     */
    public record Vulnerability(String cve, List<Id> ids, String title, List<Note> notes, ProductStatus status,
                                List<Score> scores, List<Remediation> remediations, List<Reference> references,
                                List<Flag> flags, List<Threat> threats) {
    }

    public record Id(String systemName, String text) {
    }

    public record ProductStatus(List<String> knownAffected, List<String> fixed, List<String> knownNotAffected,
                                List<String> underInvestigation) {
    }

    /** A CVSS vector (v2 without prefix, or CVSS:3.0/3.1) for these products; the writer computes the scores. */
    public record Score(List<String> products, String vector) {
    }

    /** @param category {@code vendor_fix}, {@code mitigation}, {@code workaround}, {@code none_available}, {@code no_fix_planned} */
    public record Remediation(String category, String details, List<String> productIds, String url) {
    }

    /** @param label e.g. {@code vulnerable_code_not_present} */
    public record Flag(String label, List<String> productIds) {
    }

    /** @param category {@code impact}, {@code exploit_status} or {@code target_set} */
    public record Threat(String category, String details, List<String> productIds) {
    }
}
