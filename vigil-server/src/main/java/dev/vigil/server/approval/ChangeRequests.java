package dev.vigil.server.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.approval.internal.ChangeRows;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.SeparationOfDuties;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits change requests and takes the decisions on them. A change applies (through its {@link ChangeKind}) in the
 * transaction of the approval that completes it; the requester can never approve, reject or review their own change.
 * Who sees a change: holders of {@code change:read} (for its tenant or everywhere), its requester, and authorizers of
 * its tenant when it needs their authorization.
 */
@Service
public class ChangeRequests {

    private static final int MAX_REASON = 4000;
    private static final int MAX_COMMENT = 4000;

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ObjectProvider<ChangeKind> kinds;
    private final Clock clock;

    ChangeRequests(JdbcClient jdbc, AccessPolicy access, AuditLog audit, ObjectProvider<ChangeKind> kinds, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.kinds = kinds;
        this.clock = clock;
    }

    /** Stores a pending change, or on the emergency path applies it at once and marks it for review. */
    @Transactional
    public ChangeView submit(ChangeDraft draft) {
        VigilPrincipal requester = access.requireCurrent();
        ChangeKind kind = kind(draft.kind());
        if (draft.reason().isEmpty()) {
            throw ProblemException.badRequest("reason-required", "a change needs a reason (field 'reason')");
        }
        if (draft.reason().length() > MAX_REASON) {
            throw ProblemException.badRequest("reason-too-long", "the reason is longer than " + MAX_REASON + " characters");
        }
        ApprovalPolicy policy = kind.policy(draft);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO change_request (id, kind, subject, title, payload, diff, reason, tenant_id, requester_id, requester_name,
                    required_approvals, approver_permission, approver_role, tenant_authorization, state, emergency, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)""")
                .params(id, draft.kind(), draft.subject(), draft.title(), ChangeRows.json(draft.payload()), draft.diff(), draft.reason(),
                        draft.tenantId(), requester.userId(), requester.username(), policy.approvals(), policy.permission(),
                        policy.role(), policy.tenantAuthorization(), draft.emergency(), Timestamp.from(now),
                        Timestamp.from(now.plus(policy.expiry())))
                .update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", draft.kind());
        body.put("subject", draft.subject());
        body.put("title", draft.title());
        body.put("reason", draft.reason());
        body.put("diff", draft.diff());
        body.put("emergency", draft.emergency());
        body.put("requiredApprovals", policy.approvals());
        record("change.submit", id, draft.tenantId(), body);
        if (draft.emergency()) {
            applyNow(get(id), kind, "change.emergency-apply", requester.username());
            jdbc.sql("UPDATE change_request SET review_state = 'required' WHERE id = ?").param(id).update();
        }
        return find(id);
    }

    public List<ChangeView> list(String state, String kind, String subject, boolean reviewRequired) {
        VigilPrincipal caller = access.requireCurrent();
        StringBuilder sql = new StringBuilder("SELECT " + ChangeRows.COLUMNS + " FROM change_request WHERE true");
        List<Object> params = new ArrayList<>();
        if (state != null && !state.isBlank()) {
            if (!List.of("pending", "applied", "rejected", "withdrawn", "expired").contains(state)) {
                throw ProblemException.badRequest("invalid-state", "unknown state '" + state
                        + "' (pending, applied, rejected, withdrawn, expired)");
            }
            sql.append(" AND state = ?");
            params.add(state);
        }
        if (kind != null && !kind.isBlank()) {
            sql.append(" AND kind = ?");
            params.add(kind);
        }
        if (subject != null && !subject.isBlank()) {
            sql.append(" AND subject = ?");
            params.add(subject);
        }
        if (reviewRequired) {
            sql.append(" AND review_state = 'required'");
        }
        sql.append(" ORDER BY created_at DESC LIMIT 1000");
        return jdbc.sql(sql.toString()).params(params).query(ChangeRows::map).list().stream()
                .filter(c -> visible(c, caller)).map(this::withDecisions).toList();
    }

    public ChangeView get(UUID id) {
        ChangeView change = find(id);
        if (!visible(change, access.requireCurrent())) {
            throw ProblemException.notFound("change", id);
        }
        return change;
    }

    /** Records the caller's approval; the approval that completes the policy applies the change. */
    @Transactional
    public ChangeView approve(UUID id, String comment) {
        VigilPrincipal approver = access.requireCurrent();
        ChangeView change = lockPending(id);
        SeparationOfDuties.requireDifferentPeople(change.requesterId(), approver, "change " + id);
        Standing standing = standing(change, approver);
        recordDecision(change, approver, "approve", standing, comment(comment, false));
        record("change.approve", id, change.tenantId(), Map.of("comment", comment(comment, false),
                "countsAsApprover", standing.approver(), "tenantAuthorizer", standing.tenantAuthorizer()));
        ChangeView updated = find(id);
        if (satisfied(updated)) {
            applyNow(updated, kind(change.kind()), "change.apply", approver.username());
        }
        return find(id);
    }

    @Transactional
    public ChangeView reject(UUID id, String comment) {
        VigilPrincipal approver = access.requireCurrent();
        ChangeView change = lockPending(id);
        SeparationOfDuties.requireDifferentPeople(change.requesterId(), approver, "change " + id);
        Standing standing = standing(change, approver);
        String why = comment(comment, true);
        recordDecision(change, approver, "reject", standing, why);
        close(id, "rejected", approver.username(), null);
        record("change.reject", id, change.tenantId(), Map.of("comment", why));
        return find(id);
    }

    @Transactional
    public ChangeView withdraw(UUID id, String comment) {
        VigilPrincipal caller = access.requireCurrent();
        ChangeView change = lockPending(id);
        if (!change.requesterId().equals(caller.userId())) {
            throw ProblemException.forbidden("not-requester", "only the requester (" + change.requester() + ") can withdraw change " + id);
        }
        close(id, "withdrawn", caller.username(), null);
        record("change.withdraw", id, change.tenantId(), Map.of("comment", comment(comment, false)));
        return find(id);
    }

    /** The review an emergency change requires afterwards, by someone other than its requester who could have approved it. */
    @Transactional
    public ChangeView review(UUID id, String comment) {
        VigilPrincipal reviewer = access.requireCurrent();
        ChangeView change = lock(id);
        if (!"required".equals(change.reviewState())) {
            throw ProblemException.conflict("no-review-required", "change " + id + " is not an emergency change awaiting review"
                    + (change.reviewState() == null ? "" : " (already reviewed by " + change.reviewedBy() + ")"));
        }
        SeparationOfDuties.requireDifferentPeople(change.requesterId(), reviewer, "emergency change " + id);
        if (!standing(change, reviewer).approver()) {
            throw ProblemException.forbidden("not-an-approver", "reviewing change " + id + " needs " + describe(change));
        }
        String why = comment(comment, true);
        jdbc.sql("UPDATE change_request SET review_state = 'reviewed', reviewed_by = ?, reviewed_at = ?, review_comment = ? WHERE id = ?")
                .params(reviewer.username(), Timestamp.from(clock.instant()), why, id).update();
        record("change.review", id, change.tenantId(), Map.of("comment", why));
        return find(id);
    }

    /** Marks pending changes past their expiry as expired; returns how many. */
    @Transactional
    public int expireDue() {
        List<ChangeView> due = jdbc.sql("SELECT " + ChangeRows.COLUMNS
                        + " FROM change_request WHERE state = 'pending' AND expires_at <= ? FOR UPDATE SKIP LOCKED")
                .param(Timestamp.from(clock.instant())).query(ChangeRows::map).list();
        for (ChangeView change : due) {
            close(change.id(), "expired", "system:approval", null);
            audit.record(new AuditEntry(dev.vigil.server.audit.Actor.systemJob("approval-expiry"), "change.expire", "change-request",
                    change.id().toString(), change.tenantId(), AuditEntry.Outcome.SUCCESS, Map.of("change", change.id().toString()),
                    Map.of("expiredAt", change.expiresAt().toString())));
        }
        return due.size();
    }

    private record Standing(boolean approver, boolean tenantAuthorizer) {
    }

    private Standing standing(ChangeView change, VigilPrincipal who) {
        String[] permission = change.approverPermission().split(":");
        boolean holds = change.tenantId() == null ? who.canEverywhere(permission[0], permission[1])
                : who.can(permission[0], permission[1], change.tenantId());
        boolean approver = holds && (change.approverRole() == null || who.hasRole(change.approverRole()));
        boolean authorizer = change.tenantAuthorization() && change.tenantId() != null
                && who.can("tenant-data", "authorize", change.tenantId());
        if (!approver && !authorizer) {
            throw ProblemException.forbidden("not-an-approver", "deciding change " + change.id() + " needs " + describe(change));
        }
        return new Standing(approver, authorizer);
    }

    private static String describe(ChangeView change) {
        return "permission " + change.approverPermission() + (change.approverRole() == null ? "" : " and role " + change.approverRole())
                + (change.tenantAuthorization() ? ", or tenant-data:authorize for tenant " + change.tenantId() : "");
    }

    private boolean satisfied(ChangeView change) {
        long approvers = change.decisions().stream().filter(d -> d.decision().equals("approve") && d.countsAsApprover()).count();
        boolean authorized = !change.tenantAuthorization()
                || change.decisions().stream().anyMatch(d -> d.decision().equals("approve") && d.tenantAuthorizer());
        return approvers >= change.requiredApprovals() && authorized;
    }

    private void applyNow(ChangeView change, ChangeKind kind, String action, String by) {
        Map<String, Object> result = kind.apply(change);
        close(change.id(), "applied", by, result == null ? Map.of() : result);
        Map<String, Object> body = new HashMap<>();
        body.put("kind", change.kind());
        body.put("subject", change.subject());
        body.put("result", result == null ? Map.of() : result);
        record(action, change.id(), change.tenantId(), body);
    }

    private void recordDecision(ChangeView change, VigilPrincipal who, String decision, Standing standing, String comment) {
        if (change.decisions().stream().anyMatch(d -> d.userId().equals(who.userId()))) {
            throw ProblemException.conflict("already-decided", who.username() + " has already decided on change " + change.id());
        }
        jdbc.sql("""
                INSERT INTO change_decision (change_id, user_id, username, decision, counts_as_approver, tenant_authorizer, comment, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(change.id(), who.userId(), who.username(), decision, standing.approver(), standing.tenantAuthorizer(), comment,
                        Timestamp.from(clock.instant()))
                .update();
    }

    private void close(UUID id, String state, String by, Map<String, Object> result) {
        jdbc.sql("UPDATE change_request SET state = ?, closed_at = ?, closed_by = ?, result = ?::jsonb WHERE id = ?")
                .params(state, Timestamp.from(clock.instant()), by, ChangeRows.json(result), id).update();
    }

    private ChangeView lockPending(UUID id) {
        ChangeView change = lock(id);
        if (!change.pending()) {
            throw ProblemException.conflict("change-closed", "change " + id + " is " + change.state() + ", not pending");
        }
        if (!change.expiresAt().isAfter(clock.instant())) {
            throw ProblemException.conflict("change-expired", "change " + id + " expired at " + change.expiresAt());
        }
        return change;
    }

    private ChangeView lock(UUID id) {
        VigilPrincipal caller = access.requireCurrent();
        ChangeView change = jdbc.sql("SELECT " + ChangeRows.COLUMNS + " FROM change_request WHERE id = ? FOR UPDATE").param(id)
                .query(ChangeRows::map).optional().map(this::withDecisions)
                .orElseThrow(() -> ProblemException.notFound("change", id));
        if (!visible(change, caller)) {
            throw ProblemException.notFound("change", id);
        }
        return change;
    }

    private ChangeView find(UUID id) {
        return jdbc.sql("SELECT " + ChangeRows.COLUMNS + " FROM change_request WHERE id = ?").param(id)
                .query(ChangeRows::map).optional().map(this::withDecisions)
                .orElseThrow(() -> ProblemException.notFound("change", id));
    }

    private ChangeView withDecisions(ChangeView change) {
        return ChangeRows.withDecisions(change, jdbc.sql("""
                SELECT user_id, username, decision, counts_as_approver, tenant_authorizer, comment, decided_at
                FROM change_decision WHERE change_id = ? ORDER BY decided_at""").param(change.id()).query(ChangeRows::decision).list());
    }

    private static boolean visible(ChangeView change, VigilPrincipal caller) {
        if (change.requesterId().equals(caller.userId())) {
            return true;
        }
        if (change.tenantId() == null ? caller.canEverywhere("change", "read") : caller.can("change", "read", change.tenantId())) {
            return true;
        }
        return change.tenantAuthorization() && change.tenantId() != null && caller.can("tenant-data", "authorize", change.tenantId());
    }

    private ChangeKind kind(String name) {
        return kinds.orderedStream().filter(k -> k.kind().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ChangeKind bean for kind " + name));
    }

    private static String comment(String comment, boolean required) {
        String text = comment == null ? "" : comment.strip();
        if (required && text.isEmpty()) {
            throw ProblemException.badRequest("comment-required", "give a comment (field 'comment') saying why");
        }
        if (text.length() > MAX_COMMENT) {
            throw ProblemException.badRequest("comment-too-long", "the comment is longer than " + MAX_COMMENT + " characters");
        }
        return text;
    }

    private void record(String action, UUID id, UUID tenantId, Map<String, Object> body) {
        audit.record(new AuditEntry(null, action, "change-request", id.toString(), tenantId, AuditEntry.Outcome.SUCCESS,
                Map.of("change", id.toString()), body));
    }

    /** The pending changes of a subject (a feature shows them beside the object). */
    public List<ChangeView> pendingFor(String kindPrefix, String subject) {
        return jdbc.sql("SELECT " + ChangeRows.COLUMNS + " FROM change_request WHERE state = 'pending' AND kind LIKE ? AND subject = ?"
                        + " ORDER BY created_at").params(kindPrefix + "%", subject).query(ChangeRows::map).list().stream()
                .map(this::withDecisions).toList();
    }
}
