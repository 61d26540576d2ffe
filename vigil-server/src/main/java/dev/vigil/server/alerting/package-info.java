/**
 * Alerting: the one alert model for detections and monitors, grouping, inhibition, silences, routing, notification channels and 7x24 on-call.
 * <p>The feature arrives with its issue; until then this package holds only its boundary: it may use the platform,
 * identity and audit APIs, and nothing may use its internals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerting", allowedDependencies = {"platform", "identity", "audit"})
package dev.vigil.server.alerting;
