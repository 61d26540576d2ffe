/**
 * Vulnerabilities: scanner report imports bound to assets (vigil-vuln reads the formats), stable finding identity and
 * reimport semantics, the finding lifecycle with SLA breach alerts, CVSS/KEV/EPSS/SSVC scores, and risk per asset
 * and tenant.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vulnerability", allowedDependencies = {"platform", "identity", "audit", "asset", "alerting", "approval", "incident"})
package dev.vigil.server.vuln;
