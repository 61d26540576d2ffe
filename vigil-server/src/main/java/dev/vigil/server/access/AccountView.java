package dev.vigil.server.access;

import java.time.Instant;
import java.util.UUID;

/** A target account; its credential stays in the vault (only its kind is shown). */
public record AccountView(UUID id, String name, String credentialKind, Instant rotatedAt) {
}
