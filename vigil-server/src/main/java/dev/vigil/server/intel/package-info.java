/**
 * Threat intelligence: feeds, indicator lifecycle and live matching (vigil-intel), retro-hunt, ATT&CK coverage and sharing.
 * <p>The feature arrives with its issue; until then this package holds only its boundary: it may use the platform,
 * identity and audit APIs, and nothing may use its internals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intelligence", allowedDependencies = {"platform", "identity", "audit"})
package dev.vigil.server.intel;
