package dev.vigil.server.vuln;

import java.time.Instant;

/** One lifecycle step of a finding: who or which import moved it, from what to what, and why. */
public record FindingHistoryEntry(Instant at, String actor, String fromStatus, String toStatus, String reason) {
}
