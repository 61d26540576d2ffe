package dev.vigil.server.alerting;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery of an alert to one channel of a receiver: pending (with its next attempt), sent, or failed; or, for an
 * alert held back, silenced with the reason. {@code groupMessage} is set when the alert went out in a grouped message
 * (with the other alerts of its notification group).
 */
public record NotificationView(UUID id, UUID alertId, String receiver, int channelIndex, String channelType, String status,
                               int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
                               UUID groupMessage) {
}
