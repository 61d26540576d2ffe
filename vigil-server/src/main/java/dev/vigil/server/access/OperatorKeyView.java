package dev.vigil.server.access;

import java.time.Instant;
import java.util.UUID;

/** An SSH public key with which a Vigil user signs in at the bastion. */
public record OperatorKeyView(UUID id, UUID userId, String username, String publicKey, String fingerprint, String comment, Instant createdAt) {
}
