package dev.vigil.server.alerting;

import java.time.Instant;
import java.util.UUID;

/** One delivery of an alert to one channel of a receiver: pending (with its next attempt), sent, or failed. */
public record NotificationView(UUID id, UUID alertId, String receiver, int channelIndex, String channelType, String status,
                               int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
