/**
 * Access (bastion): the SSH gateway (module vigil-bastion) started with the server, targets with pinned host keys,
 * target accounts whose credentials live encrypted in the vault and never leave it, operators' SSH keys, grants, and
 * the recorded sessions with their commands, access requests and break-glass (through the approval mechanism), and the
 * command policy (rules and scope modes the gateway applies to exec commands and shell lines; commands sent to review
 * are held for approval), pre-approved command templates (through the approval mechanism) that playbooks run on
 * targets, each command as an event on the event path (ingest), live view and kill of sessions, and operating
 * procedures (plans approved before high-risk work, bound sessions, out-of-plan commands flagged).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access", allowedDependencies = {"platform", "identity", "audit", "alerting", "approval", "asset", "ingest"})
package dev.vigil.server.access;
