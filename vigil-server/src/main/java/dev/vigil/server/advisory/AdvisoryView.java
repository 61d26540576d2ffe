package dev.vigil.server.advisory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A security advisory: its working draft and its releases.
 *
 * @param trackingId       the CSAF tracking id, fixed when drafted
 * @param subject          what it is about: {@code product} (a product named by findings) or {@code component} (a
 *                         service component of the monitoring catalogue)
 * @param product          the product (the component name of the findings) or service component it is about
 * @param componentId      the service component, when the subject is one
 * @param tlp              the draft's TLP label
 * @param publishedVersion the latest release (0: never published)
 * @param version          changes with every edit (optimistic locking)
 * @param draft            the draft CSAF document (null in lists)
 * @param releases         the releases, newest first (empty in lists)
 */
public record AdvisoryView(UUID id, String trackingId, String subject, String product, UUID componentId, String title, String tlp, int publishedVersion,
                           String createdBy, Instant createdAt, Instant updatedAt, int version, JsonNode draft,
                           List<Release> releases) {

    /**
     * One published version.
     *
     * @param path     where the provider layout serves it (below {@code /.well-known/csaf/}), or null when it is not
     *                 TLP:WHITE and so only the API serves it
     * @param notified the tenants that got a notice of it
     */
    public record Release(int version, Instant releasedAt, String requestedBy, String approvedBy, String tlp, String path,
                          List<String> notified) {
    }
}
