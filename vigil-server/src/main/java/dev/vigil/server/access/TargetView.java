package dev.vigil.server.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A target behind the bastion. {@code hostKey} is the pinned key; {@code pendingHostKey} is a key seen on first use
 * that waits for an administrator's confirmation. Accounts are listed without their credentials.
 */
public record TargetView(UUID id, String name, String host, int port, String hostKey, String hostKeyFingerprint, String pendingHostKey,
        String pendingHostKeyFingerprint, Instant pendingSeenAt, List<String> groups, String assetRef, UUID tenantId, String description,
        List<AccountView> accounts, Instant createdAt) {
}
