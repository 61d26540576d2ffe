package dev.vigil.server.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who ({@code user:alice} or {@code group:ops}) may reach which target (or target group) as which account, over which
 * channels, between two instants; {@code destinations} the {@code host:port} a {@code forward} channel may reach (empty: any);
 * {@code binds} the {@code address:port} listeners a {@code remote-forward} channel may open on the target.
 */
public record GrantView(UUID id, String subject, UUID targetId, String targetName, String targetGroup, String account, List<String> channels,
        Instant validFrom, Instant validUntil, String reason, String createdBy, Instant createdAt, Instant revokedAt, boolean active,
        List<String> destinations, List<String> binds) {
}
