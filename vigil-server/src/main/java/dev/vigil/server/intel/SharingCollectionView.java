package dev.vigil.server.intel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A collection served over TAXII 2.1: the indicators of the chosen feeds with at least {@code minConfidence} whose
 * feed's TLP is at most {@code tlpCeiling} (TLP:RED never), plus the STIX exports of the chosen incidents (those whose
 * TLP is within the ceiling).
 *
 * @param objectCount  STIX objects published so far (revoked versions included)
 * @param publishedAt  when its objects were last brought up to date
 */
public record SharingCollectionView(UUID id, String title, String description, List<UUID> feedIds, int minConfidence,
                                    String tlpCeiling, List<UUID> incidentIds, long objectCount, Instant publishedAt,
                                    String createdBy, Instant createdAt, Instant updatedAt) {
}
