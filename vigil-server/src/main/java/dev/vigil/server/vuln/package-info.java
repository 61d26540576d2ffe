/**
 * Vulnerabilities: scanner imports and advisory matching (vigil-vuln), finding lifecycle, scores, SLA and disclosure.
 * <p>The feature arrives with its issue; until then this package holds only its boundary: it may use the platform,
 * identity and audit APIs, and nothing may use its internals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vulnerability", allowedDependencies = {"platform", "identity", "audit"})
package dev.vigil.server.vuln;
