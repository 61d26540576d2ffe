/**
 * Assets: inventory, coverage and blind spots, risk scores and situation awareness.
 * <p>The feature arrives with its issue; until then this package holds only its boundary: it may use the platform,
 * identity and audit APIs, and nothing may use its internals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Asset", allowedDependencies = {"platform", "identity", "audit"})
package dev.vigil.server.asset;
