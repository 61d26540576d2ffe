package dev.vigil.server.asset;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An asset as the API shows it.
 *
 * @param kind            host, service, data-store, cloud-resource or network-device
 * @param criticality     1 (negligible) to 5 (vital to the tenant's mission)
 * @param dataSensitivity public, internal, confidential or restricted
 * @param source          how it entered the inventory: api, console, csv, scan or discovery
 * @param hostnames       DNS names it is known by (lower case)
 * @param addresses       IP addresses it is known by
 * @param lastSeenAt      when an event, scan or import last named it
 * @param lastScannedAt   when a vulnerability scan of it was last imported
 */
public record AssetView(UUID id, String tenant, String name, String kind, String owner, String environment, int criticality,
        boolean internetExposed, String dataSensitivity, List<String> tags, String description, String source,
        List<String> hostnames, List<String> addresses, Instant lastSeenAt, Instant lastScannedAt, int version,
        String createdBy, Instant createdAt, Instant updatedAt) {
}
