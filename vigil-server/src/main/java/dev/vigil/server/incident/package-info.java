/**
 * Incident response: cases opened from alerts or by hand, grading with SLA timers (breaches raise alerts through
 * alerting), the validated lifecycle, tasks from emergency plans, observables, comments and attachments, recovery,
 * retest and post-incident review, reports and MTTx metrics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incident", allowedDependencies = {"platform", "identity", "audit", "alerting", "approval", "ingest", "asset", "intel"})
package dev.vigil.server.incident;
