/**
 * Incident response: cases, grading, SLA timers, playbooks and emergency plans, recovery, retest and post-incident review.
 * <p>The feature arrives with its issue; until then this package holds only its boundary: it may use the platform,
 * identity and audit APIs, and nothing may use its internals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incident", allowedDependencies = {"platform", "identity", "audit"})
package dev.vigil.server.incident;
