/**
 * Access (bastion): the SSH gateway (module vigil-bastion) started with the server, targets with pinned host keys,
 * target accounts whose credentials live encrypted in the vault and never leave it, operators' SSH keys, grants, and
 * the recorded sessions with their commands. Access requests, break-glass, operating procedures and command policy
 * arrive later (they need the shared approval mechanism).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access", allowedDependencies = {"platform", "identity", "audit", "alerting", "approval", "asset"})
package dev.vigil.server.access;
