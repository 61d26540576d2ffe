package dev.vigil.server.alerting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone at a customer who is told about what affects that customer, over one channel (secrets masked). An empty
 * topic list means every topic.
 */
public record TenantContactView(UUID id, UUID tenantId, String name, List<String> topics, ChannelConfig channel, boolean enabled,
                                String createdBy, Instant updatedAt) {
}
