package dev.vigil.server.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A monitor's current version, its open change requests and its evaluation state. */
public record MonitorView(UUID id, String name, String tenant, int version, Map<String, Object> definition, String yaml,
                          Instant createdAt, Instant updatedAt, List<UUID> pendingChanges, MonitorStatus status) {

    /** How the last evaluation went: never, ok, or the error; how many alerts fire. */
    public record MonitorStatus(Instant lastEvaluatedAt, String lastError, int firing) {
    }
}
