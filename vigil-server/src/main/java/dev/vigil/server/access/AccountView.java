package dev.vigil.server.access;

import java.time.Instant;
import java.util.UUID;

/**
 * A target account; its credential stays in the vault (only its kind is shown). {@code rotation} is the outcome of
 * the last password rotation through the bastion (null if none ran); {@code rotationPending} is true while a new
 * password waits to be verified, or after a rotation whose outcome could not be decided (see docs/BASTION.md).
 */
public record AccountView(UUID id, String name, String credentialKind, Instant rotatedAt, RotationState rotation, boolean rotationPending) {

    /** The last rotation: {@code rotated} or {@code failed}, when, and what happened (never a password). */
    public record RotationState(String status, Instant at, String message) {
    }
}
