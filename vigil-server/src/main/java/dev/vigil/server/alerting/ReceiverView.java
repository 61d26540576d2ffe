package dev.vigil.server.alerting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notification receiver: who is told of which alerts. It gets every new alert of at least {@code minSeverity}
 * whose source and tenant are in its lists (an empty list means all), and starts its escalation policy, if it names
 * one, for each. Channel secrets are masked.
 */
public record ReceiverView(UUID id, String name, String minSeverity, List<String> sources, List<String> tenants,
                           List<ChannelConfig> channels, boolean enabled, String createdBy, Instant updatedAt,
                           String escalationPolicy) {
}
