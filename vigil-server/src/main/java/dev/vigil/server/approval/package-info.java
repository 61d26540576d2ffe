/**
 * Approval: the shared change-request mechanism. A feature describes a change (kind, subject, payload, diff, reason) and
 * submits it; it applies when enough people other than the requester approve it (N of M holders of a permission or
 * role, plus an authorizer of the affected tenant when required), or at once on the emergency path, which then needs
 * a review. Features plug in with a {@link dev.vigil.server.approval.ChangeKind} bean. Every step is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approval", allowedDependencies = {"platform", "identity", "audit"})
package dev.vigil.server.approval;
