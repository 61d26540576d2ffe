package dev.vigil.server.alerting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice sent to a tenant, with its deliveries. {@code warning} says when nobody was told (the tenant has no enabled
 * contact for the topic): the notice is still recorded.
 */
public record NoticeView(UUID id, UUID tenantId, String tenant, String topic, String subject, String body, String reference,
                         String sentBy, Instant sentAt, List<Delivery> deliveries, String warning) {

    /** One delivery to one contact: pending (with its next attempt), sent, or failed. */
    public record Delivery(UUID contactId, String contact, String channelType, String status, int attempts, Instant nextAttemptAt,
                           String lastError, Instant sentAt) {
    }
}
