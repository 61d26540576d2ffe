package dev.vigil.server.monitoring;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One kept version of a monitor (a deletion is a version too). */
public record MonitorVersionView(UUID monitorId, int version, Map<String, Object> definition, String yaml, boolean deleted,
                                 UUID changeId, String requestedBy, String appliedBy, Instant createdAt) {
}
