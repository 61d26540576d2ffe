package dev.vigil.server.incident;

import java.time.Instant;
import java.util.UUID;

/** One incident in a list or on the board. */
public record IncidentSummary(UUID id, String ref, String tenant, String title, String type, String phase, Integer level,
                              String levelLabel, Integer proposedLevel, long alerts, long openTasks, Instant createdAt,
                              Instant updatedAt) {
}
