package dev.vigil.server.alerting;

import java.time.Instant;
import java.util.UUID;

/** One way of reaching a user when an escalation pages them; {@code channel} has its secret masked. */
public record ContactMethodView(UUID id, String username, String label, ChannelConfig channel, boolean enabled, String createdBy,
                                Instant createdAt) {
}
