/**
 * Alerting: the one alert model for detections, monitors and source health — raising with deduplication, the
 * firing/resolved lifecycle, acknowledgement, the alert API and pages. Grouping, silences, routing, notification
 * channels and on-call arrive with the monitoring and alerting issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerting", allowedDependencies = {"platform", "identity", "audit", "ingest"})
package dev.vigil.server.alerting;
