package dev.vigil.server.alerting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An escalation policy: the steps an unacknowledged alert goes through, repeated {@code repeat} more times. */
public record EscalationPolicyView(UUID id, String name, String description, List<EscalationStep> steps, int repeat,
                                   String repeatAfter, String createdBy, Instant createdAt, Instant updatedAt) {
}
