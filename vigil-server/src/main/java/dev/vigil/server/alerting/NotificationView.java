package dev.vigil.server.alerting;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery of an alert to one channel of a receiver: pending (with its next attempt), sent, or failed. For an alert
 * held back by a silence, an inhibit rule or a mute interval ({@code heldBack} says which): held while it lasts, then
 * pending and sent (a notification of its own) or released (the alert's notification group lists it in its next
 * message), or silenced for good when the alert resolved meanwhile or was grouped under a down upstream alert
 * ({@code lastError} says why); {@code releasedAt} is when the hold ended. {@code groupMessage} is set when the alert
 * went out in a grouped message (with the other alerts of its notification group).
 */
public record NotificationView(UUID id, UUID alertId, String receiver, int channelIndex, String channelType, String status,
                               int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
                               UUID groupMessage, String heldBack, Instant releasedAt) {
}
