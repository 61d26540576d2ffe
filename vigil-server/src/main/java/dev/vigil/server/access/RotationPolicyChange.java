package dev.vigil.server.access;

/**
 * A target account's rotation schedule: every {@code intervalDays} days; {@code via} (password accounts only) names
 * the account that runs {@code chpasswd}; {@code windowStart}/{@code windowEnd} ({@code HH:mm}, both or neither) limit
 * rotations to a daily maintenance window in {@code windowZone} (an IANA zone, default UTC).
 */
public record RotationPolicyChange(Integer intervalDays, String via, String windowStart, String windowEnd, String windowZone) {
}
