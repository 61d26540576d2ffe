/**
 * Access (bastion): the SSH gateway, grants and access requests, the credential vault, recordings and command policy.
 * <p>The feature arrives with its issue; until then this package holds only its boundary: it may use the platform,
 * identity and audit APIs, and nothing may use its internals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access", allowedDependencies = {"platform", "identity", "audit"})
package dev.vigil.server.access;
