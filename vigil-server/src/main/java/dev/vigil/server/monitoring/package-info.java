/**
 * Monitoring: the service component catalogue, metric scraping and probes, the embedded time-series store, and monitors (level, target, receivers, disposal plan) evaluated by vigil-monitor, changed through approval.
 * <p>The feature arrives with its issue; until then this package holds only its boundary: it may use the platform,
 * identity and audit APIs, and nothing may use its internals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring", allowedDependencies = {"platform", "identity", "audit"})
package dev.vigil.server.monitoring;
