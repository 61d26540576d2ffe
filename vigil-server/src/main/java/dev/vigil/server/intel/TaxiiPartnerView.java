package dev.vigil.server.intel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner that reads collections over TAXII 2.1 with its own token (of which only {@code tokenPrefix} is shown
 * after creation).
 */
public record TaxiiPartnerView(UUID id, String name, String description, String tokenPrefix, List<UUID> collectionIds,
                               String createdBy, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
