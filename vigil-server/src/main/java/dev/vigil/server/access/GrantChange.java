package dev.vigil.server.access;

import java.time.Instant;
import java.util.List;

/**
 * A new grant: {@code subject} is {@code user:<username>} or {@code group:<name>}; exactly one of target and targetGroup;
 * {@code destinations} ({@code host:port}, port may be {@code *}) limit the {@code forward} channel (empty: any).
 */
public record GrantChange(String subject, String target, String targetGroup, String account, List<String> channels, Instant validFrom,
        Instant validUntil, String reason, List<String> destinations) {
}
