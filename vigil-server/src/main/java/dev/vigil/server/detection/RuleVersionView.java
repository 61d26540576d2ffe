package dev.vigil.server.detection;

import java.time.Instant;

/** One kept version of a rule. */
public record RuleVersionView(int version, String sha256, String change, String changedBy, Instant changedAt, String yaml) {
}
