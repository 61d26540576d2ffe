package dev.vigil.server.detection;

import java.time.Instant;
import java.util.UUID;

/** A stored baseline definition with how many entities its detector currently remembers. */
public record BaselineView(UUID id, BaselineDefinition definition, int version, boolean enabled, String createdBy,
                           Instant updatedAt, int entities) {
}
