package dev.vigil.server.access;

import java.time.Instant;
import java.util.UUID;

/**
 * A target account; its credential stays in the vault (only its kind is shown). {@code rotation} is the outcome of
 * the last rotation of its password or key through the bastion (null if none ran); {@code rotationPending} is true
 * while a new credential waits to be verified, or after a rotation whose outcome could not be decided (see
 * docs/BASTION.md); {@code rotationPolicy} is its rotation schedule (null: rotated on demand only).
 */
public record AccountView(UUID id, String name, String credentialKind, Instant rotatedAt, RotationState rotation, boolean rotationPending,
        RotationPolicy rotationPolicy) {

    /** The last rotation: {@code rotated} or {@code failed}, when, and what happened (never a secret). */
    public record RotationState(String status, Instant at, String message) {
    }

    /**
     * Rotate every {@code intervalDays} days (a password with {@code passwd}, or with {@code chpasswd} as {@code via}),
     * only between {@code windowStart} and {@code windowEnd} ({@code HH:mm} in {@code windowZone}) when a window is set;
     * {@code nextAt} is when the next rotation is due, {@code failures} the failed scheduled attempts since the last success.
     */
    public record RotationPolicy(int intervalDays, String via, String windowStart, String windowEnd, String windowZone, Instant nextAt,
            int failures) {
    }
}
