/**
 * Monitoring: the service component catalogue (owner, tenant, criticality, internal/external, dependencies), metric
 * scraping into an embedded time-series store with retention, and monitors (condition, level, target, receivers,
 * disposal plan) as versioned definitions changed only through approval and evaluated by vigil-monitor; firing and
 * resolved monitor alerts go through the alerting feature's one alert model.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring",
        allowedDependencies = {"platform", "identity", "audit", "alerting", "approval", "asset", "ingest"})
package dev.vigil.server.monitoring;
