package dev.vigil.server.intel;

import java.util.List;
import java.util.UUID;

/**
 * A new collection or a change to one. On creation absent fields take defaults (no feeds, confidence 0, ceiling
 * green, no incidents); on update absent fields keep their value.
 */
public record SharingCollectionChange(String title, String description, List<UUID> feedIds, Integer minConfidence,
                                      String tlpCeiling, List<UUID> incidentIds) {
}
