package dev.vigil.server.access;

import java.time.Instant;
import java.util.List;

/**
 * A new grant: {@code subject} is {@code user:<username>} or {@code group:<name>}; exactly one of target and targetGroup;
 * {@code destinations} ({@code host:port}, port may be {@code *}) limit the {@code forward} channel (empty: any);
 * {@code binds} ({@code address:port}, either may be {@code *}) are the listeners the {@code remote-forward} channel
 * may open on the target (required with it).
 */
public record GrantChange(String subject, String target, String targetGroup, String account, List<String> channels, Instant validFrom,
        Instant validUntil, String reason, List<String> destinations, List<String> binds) {
}
