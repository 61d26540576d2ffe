package dev.vigil.server.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.approval.ApprovalPolicy;
import dev.vigil.server.approval.ChangeDraft;
import dev.vigil.server.approval.ChangeKind;
import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Executions of operating procedures: an operator asks to run a procedure on targets as one account, for a purpose and
 * a window no longer than the procedure allows; the request is a change request (kind {@code access.procedure.execution})
 * that the procedure's number of holders of {@code procedure-execution:approve} (never the requester) approve, plus the
 * authorizer of the targets' tenant when they hold a tenant's data. Approval grants the operator shell and exec on the
 * targets for the window; their sessions there are bound to the execution ({@link ProcedureSessions}). The operator
 * ticks the steps in order with evidence; the last tick completes the execution, or it is abandoned; both end its grants.
 */
@Service
public class ProcedureExecutionService implements ChangeKind {

    public static final String KIND = "access.procedure.execution";
    private static final String SELECT = """
            SELECT e.*, (SELECT coalesce(max(step), 0) FROM access_procedure_step_tick k WHERE k.execution_id = e.id) AS ticked,
                   v.definition::text AS definition
            FROM access_procedure_execution e
            JOIN access_procedure_version v ON v.procedure_id = e.procedure_id AND v.version = e.procedure_version""" + " ";

    private final JdbcClient jdbc;
    private final ProcedureService procedures;
    private final GrantService grants;
    private final ChangeRequests changes;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    ProcedureExecutionService(JdbcClient jdbc, ProcedureService procedures, GrantService grants, @Lazy ChangeRequests changes,
            AccessPolicy access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.procedures = procedures;
        this.grants = grants;
        this.changes = changes;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    private record Target(UUID id, String name, UUID tenantId) {
    }

    @Transactional
    public ChangeView request(ProcedureExecutionRequest request) {
        VigilPrincipal requester = access.require("procedure-execution", "create", null);
        String name = request.procedure() == null ? "" : request.procedure().strip();
        ProcedureView procedure = procedures.current(name)
                .orElseThrow(() -> ProblemException.badRequest("invalid-input", "no procedure named '" + name + "'"));
        ProcedureDefinition definition = procedure.definition();
        if (request.targets() == null || request.targets().isEmpty() || request.targets().size() > 50) {
            throw ProblemException.badRequest("invalid-input", "targets: name 1 to 50 targets the procedure works on");
        }
        String account = TargetService.requireName(request.account(), "account");
        List<Target> targets = new ArrayList<>();
        for (String wanted : new LinkedHashSet<>(request.targets())) {
            String targetName = wanted == null ? "" : wanted.strip();
            Target target = jdbc.sql("SELECT id, name, tenant_id FROM access_target WHERE name = ?").param(targetName)
                    .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class))).optional()
                    .orElseThrow(() -> ProblemException.badRequest("invalid-input", "no target named '" + targetName + "'"));
            if (jdbc.sql("SELECT count(*) FROM access_target_account WHERE target_id = ? AND name = ?").params(target.id(), account)
                    .query(Long.class).single() == 0) {
                throw ProblemException.badRequest("invalid-input", "target " + target.name() + " has no account '" + account + "'");
            }
            targets.add(target);
        }
        Set<UUID> tenants = new LinkedHashSet<>();
        targets.stream().filter(t -> t.tenantId() != null).forEach(t -> tenants.add(t.tenantId()));
        if (tenants.size() > 1) {
            throw ProblemException.badRequest("invalid-input", "the targets hold the data of " + tenants.size()
                    + " tenants; request one execution per tenant, so each tenant's authorizer decides on their own data");
        }
        UUID tenant = tenants.isEmpty() ? null : tenants.iterator().next();
        Instant now = clock.instant();
        Instant from = request.from() == null ? now : request.from();
        Instant until = request.until();
        Duration longest = Duration.ofHours(definition.maxWindowHours());
        if (until == null || !until.isAfter(from) || !until.isAfter(now) || Duration.between(from, until).compareTo(longest) > 0) {
            throw ProblemException.badRequest("invalid-input", "until is required, in the future, after from, and at most "
                    + definition.maxWindowHours() + " h after it (the procedure's longest window)");
        }
        String purpose = request.purpose() == null ? "" : request.purpose().strip();
        if (purpose.isEmpty() || purpose.length() > 500) {
            throw ProblemException.badRequest("invalid-input", "purpose is required (at most 500 characters): what the work is for");
        }
        UUID id = UUID.randomUUID();
        List<String> names = targets.stream().map(Target::name).toList();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("executionId", id.toString());
        payload.put("procedure", procedure.name());
        payload.put("version", procedure.version());
        payload.put("username", requester.username());
        payload.put("account", account);
        payload.put("targets", names);
        payload.put("from", from.toString());
        payload.put("until", until.toString());
        payload.put("approvals", definition.approvals());
        payload.put("approverRole", definition.approverRole());
        String diff = "run procedure " + procedure.name() + " v" + procedure.version() + " (" + definition.kind() + ") as " + account + " on "
                + String.join(", ", names) + " by " + requester.username() + " from " + from + " until " + until + "\n\n" + definition.describe();
        ChangeView change = changes.submit(new ChangeDraft(KIND, id.toString(), "Procedure " + procedure.name() + " on " + String.join(", ", names)
                + " by " + requester.username(), payload, diff, purpose, tenant, false));
        jdbc.sql("""
                INSERT INTO access_procedure_execution (id, procedure_id, procedure_version, procedure_name, user_id, username, account, target_ids,
                                                        target_names, tenant_id, purpose, window_from, window_until, state, change_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?)""")
                .params(id, procedure.id(), procedure.version(), procedure.name(), requester.userId(), requester.username(), account,
                        targets.stream().map(Target::id).toArray(UUID[]::new), names.toArray(String[]::new), tenant, purpose, Timestamp.from(from),
                        Timestamp.from(until), change.id(), Timestamp.from(now))
                .update();
        audit.record(AuditEntry.success("access.procedure.execution.request", "access-procedure-execution", id, tenant, Map.of("procedure",
                procedure.name(), "version", procedure.version(), "targets", names, "account", account, "change", change.id().toString())));
        return change;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ApprovalPolicy policy(ChangeDraft draft) {
        Duration open = Duration.between(clock.instant(), Instant.parse((String) draft.payload().get("until")));
        return new ApprovalPolicy(((Number) draft.payload().get("approvals")).intValue(), "procedure-execution:approve",
                (String) draft.payload().get("approverRole"), draft.tenantId() != null,
                open.isNegative() || open.isZero() ? Duration.ofMinutes(1) : open);
    }

    @Override
    public Map<String, Object> apply(ChangeView change) {
        UUID id = UUID.fromString(change.subject());
        Map<String, Object> row = jdbc.sql("SELECT * FROM access_procedure_execution WHERE id = ? FOR UPDATE").param(id).query().singleRow();
        Instant until = ((Timestamp) row.get("window_until")).toInstant();
        if (!until.isAfter(clock.instant())) {
            throw ProblemException.conflict("expired", "the execution's window ended at " + until);
        }
        if (!"requested".equals(row.get("state"))) {
            throw ProblemException.conflict("execution-closed", "execution " + id + " is " + row.get("state"));
        }
        String approvers = String.join(",", change.decisions().stream().filter(d -> d.decision().equals("approve"))
                .map(ChangeView.Decision::username).toList());
        UUID[] targetIds = uuids(row.get("target_ids"));
        Instant from = ((Timestamp) row.get("window_from")).toInstant();
        List<UUID> granted = new ArrayList<>();
        for (UUID target : targetIds) {
            granted.add(grants.grantDecided((UUID) row.get("user_id"), (String) row.get("username"), target, (String) row.get("account"),
                    GrantService.CHANNELS, from, until, "procedure execution " + id + ": " + row.get("purpose"), "procedure:" + approvers).id());
        }
        jdbc.sql("UPDATE access_procedure_execution SET state = 'approved', approved_at = ?, approved_by = ?, grant_ids = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), approvers, granted.toArray(UUID[]::new), id).update();
        audit.record(AuditEntry.success("access.procedure.execution.approve", "access-procedure-execution", id, change.tenantId(),
                Map.of("approvedBy", approvers, "grants", granted.stream().map(UUID::toString).toList(), "change", change.id().toString())));
        return Map.of("executionId", id.toString(), "grants", granted.stream().map(UUID::toString).toList());
    }

    /** Ticks the next step with evidence; only the execution's operator, only in order; the last tick completes it. */
    @Transactional
    public ProcedureExecutionView tick(UUID id, int step, ProcedureTick tick) {
        VigilPrincipal caller = access.require("procedure-execution", "create", null);
        ProcedureExecutionView execution = lock(id);
        if (!execution.userId().equals(caller.userId())) {
            throw ProblemException.forbidden("not-the-operator", "only " + execution.username() + ", who runs this execution, ticks its steps");
        }
        if (!execution.state().equals("approved")) {
            throw ProblemException.conflict("not-running", "execution " + id + " is " + execution.state() + "; steps are ticked only once it is approved");
        }
        if (execution.nextStep() == null || step != execution.nextStep()) {
            throw ProblemException.conflict("out-of-order", "steps are ticked in order: the next step is " + execution.nextStep());
        }
        ProcedureExecutionView.Step planned = execution.steps().get(step - 1);
        String evidence = tick == null || tick.evidence() == null ? "" : tick.evidence().strip();
        if (evidence.length() > 4000) {
            throw ProblemException.badRequest("invalid-input", "evidence: at most 4000 characters");
        }
        if (planned.evidenceRequired() && evidence.isEmpty()) {
            throw ProblemException.badRequest("evidence-required", "step " + step + " (" + planned.title() + ") needs evidence: say what was done and seen");
        }
        UUID sessionId = tick == null ? null : tick.sessionId();
        Integer seq = tick == null ? null : tick.commandSeq();
        if ((sessionId == null) != (seq == null)) {
            throw ProblemException.badRequest("invalid-input", "a session command is named by sessionId and commandSeq together");
        }
        if (sessionId != null && jdbc.sql("""
                SELECT count(*) FROM access_session_command c JOIN access_session s ON s.id = c.session_id
                WHERE s.id = ? AND c.seq = ? AND s.procedure_execution_id = ?""").params(sessionId, seq, id).query(Long.class).single() == 0) {
            throw ProblemException.badRequest("invalid-input", "session " + sessionId + " has no command " + seq + " bound to this execution");
        }
        String link = tick == null || tick.link() == null || tick.link().isBlank() ? null : tick.link().strip();
        if (link != null && (link.length() > 2000 || !(link.startsWith("https://") || link.startsWith("http://") || link.startsWith("/")))) {
            throw ProblemException.badRequest("invalid-input", "link: an http(s) address or a path of this server, at most 2000 characters");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO access_procedure_step_tick (execution_id, step, evidence, session_id, command_seq, link, ticked_by, ticked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(id, step, evidence, sessionId, seq, link, caller.username(), Timestamp.from(now)).update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("step", step);
        body.put("title", planned.title());
        body.put("evidence", evidence);
        if (sessionId != null) {
            body.put("session", sessionId.toString());
            body.put("commandSeq", seq);
        }
        if (link != null) {
            body.put("link", link);
        }
        audit.record(AuditEntry.success("access.procedure.step.tick", "access-procedure-execution", id, execution.tenantId(), body));
        if (step == execution.steps().size()) {
            close(execution, "completed", caller.username(), "all " + step + " steps ticked");
        }
        return find(id);
    }

    /** Abandons an execution that is not closed: its operator or a holder of procedure-execution:approve, with a reason. */
    @Transactional
    public ProcedureExecutionView abandon(UUID id, String reason) {
        VigilPrincipal caller = access.requireCurrent();
        ProcedureExecutionView execution = lock(id);
        boolean approver = execution.tenantId() == null ? caller.canEverywhere("procedure-execution", "approve")
                : caller.can("procedure-execution", "approve", execution.tenantId());
        if (!execution.userId().equals(caller.userId()) && !approver) {
            throw ProblemException.forbidden("not-the-operator", "only the operator or an approver of executions abandons one");
        }
        if (execution.state().equals("completed") || execution.state().equals("abandoned")) {
            throw ProblemException.conflict("execution-closed", "execution " + id + " is " + execution.state());
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw ProblemException.badRequest("reason-required", "give a reason (at most 2000 characters) why the work is abandoned");
        }
        if (execution.state().equals("requested")) {
            changes.pendingFor(KIND, id.toString()).forEach(pending -> {
                if (pending.requesterId().equals(caller.userId())) {
                    changes.withdraw(pending.id(), "execution abandoned: " + why);
                }
            });
        }
        close(execution, "abandoned", caller.username(), why);
        return find(id);
    }

    private void close(ProcedureExecutionView execution, String state, String by, String reason) {
        jdbc.sql("UPDATE access_procedure_execution SET state = ?, closed_at = ?, closed_by = ?, close_reason = ? WHERE id = ?")
                .params(state, Timestamp.from(clock.instant()), by, reason, execution.id()).update();
        UUID[] grantIds = jdbc.sql("SELECT grant_ids FROM access_procedure_execution WHERE id = ?").param(execution.id())
                .query((rs, n) -> uuids(rs.getArray(1))).single();
        for (UUID grant : grantIds) {
            grants.endDecided(grant, "procedure execution " + execution.id() + " " + state);
        }
        audit.record(AuditEntry.success("access.procedure.execution." + (state.equals("completed") ? "complete" : "abandon"),
                "access-procedure-execution", execution.id(), execution.tenantId(), Map.of("by", by, "reason", reason)));
    }

    /** Executions the caller may read, newest first; {@code state} filters. */
    public List<ProcedureExecutionView> list(String state) {
        VigilPrincipal caller = access.requireCurrent();
        return jdbc.sql(SELECT + "WHERE (CAST(? AS text) IS NULL OR e.state = ?) ORDER BY e.created_at DESC LIMIT 500").param(state).param(state)
                .query(this::map).list().stream().filter(e -> visible(caller, e)).map(this::withDetails).toList();
    }

    public ProcedureExecutionView get(UUID id) {
        VigilPrincipal caller = access.requireCurrent();
        ProcedureExecutionView execution = find(id);
        if (!visible(caller, execution)) {
            throw ProblemException.notFound("procedure execution", id);
        }
        return execution;
    }

    private ProcedureExecutionView lock(UUID id) {
        jdbc.sql("SELECT id FROM access_procedure_execution WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional()
                .orElseThrow(() -> ProblemException.notFound("procedure execution", id));
        return get(id);
    }

    private ProcedureExecutionView find(UUID id) {
        return jdbc.sql(SELECT + "WHERE e.id = ?").param(id).query(this::map).optional().map(this::withDetails)
                .orElseThrow(() -> ProblemException.notFound("procedure execution", id));
    }

    private static boolean visible(VigilPrincipal caller, ProcedureExecutionView execution) {
        return execution.userId().equals(caller.userId()) || (execution.tenantId() == null ? caller.canEverywhere("procedure-execution", "read")
                : caller.can("procedure-execution", "read", execution.tenantId()));
    }

    private ProcedureExecutionView map(ResultSet rs, int n) throws SQLException {
        ProcedureDefinition definition = ProcedureDefinition.fromJson(rs.getString("definition"));
        int ticked = rs.getInt("ticked");
        String state = rs.getString("state");
        List<ProcedureExecutionView.Step> steps = new ArrayList<>();
        for (int i = 0; i < definition.steps().size(); i++) {
            ProcedureDefinition.Step s = definition.steps().get(i);
            steps.add(new ProcedureExecutionView.Step(i + 1, s.title(), s.instructions(), s.commands(), s.patterns(), s.evidence(), null));
        }
        return new ProcedureExecutionView(rs.getObject("id", UUID.class), rs.getObject("procedure_id", UUID.class), rs.getString("procedure_name"),
                rs.getInt("procedure_version"), definition.kind(), rs.getObject("user_id", UUID.class), rs.getString("username"),
                rs.getString("account"), Arrays.asList((String[]) rs.getArray("target_names").getArray()), rs.getObject("tenant_id", UUID.class),
                rs.getString("purpose"), instant(rs, "window_from"), instant(rs, "window_until"), state, rs.getObject("change_id", UUID.class), null,
                instant(rs, "created_at"), instant(rs, "approved_at"), rs.getString("approved_by"), instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getString("close_reason"),
                state.equals("approved") && ticked < steps.size() ? ticked + 1 : null, steps, List.of(), List.of());
    }

    private ProcedureExecutionView withDetails(ProcedureExecutionView e) {
        Map<Integer, ProcedureExecutionView.Tick> ticks = new LinkedHashMap<>();
        jdbc.sql("SELECT step, evidence, session_id, command_seq, link, ticked_by, ticked_at FROM access_procedure_step_tick WHERE execution_id = ?")
                .param(e.id()).query((rs, n) -> ticks.put(rs.getInt(1), new ProcedureExecutionView.Tick(rs.getString(2),
                        rs.getObject(3, UUID.class), (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), instant(rs, "ticked_at")))).list();
        List<ProcedureExecutionView.Step> steps = e.steps().stream().map(s -> new ProcedureExecutionView.Step(s.number(), s.title(),
                s.instructions(), s.commands(), s.patterns(), s.evidenceRequired(), ticks.get(s.number()))).toList();
        List<ProcedureExecutionView.BoundSession> sessions = jdbc.sql("""
                SELECT id, target_name, account, kind, started_at, ended_at FROM access_session WHERE procedure_execution_id = ? ORDER BY started_at""")
                .param(e.id()).query((rs, n) -> new ProcedureExecutionView.BoundSession(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), instant(rs, "started_at"), instant(rs, "ended_at"))).list();
        List<ProcedureExecutionView.FlaggedCommand> flagged = jdbc.sql("""
                SELECT c.session_id, c.seq, s.target_name, c.at, c.command, c.action FROM access_session_command c
                JOIN access_session s ON s.id = c.session_id WHERE s.procedure_execution_id = ? AND c.plan = 'out-of-plan' ORDER BY c.at, c.seq""")
                .param(e.id()).query((rs, n) -> new ProcedureExecutionView.FlaggedCommand(rs.getObject(1, UUID.class), rs.getInt(2),
                        rs.getString(3), instant(rs, "at"), rs.getString(5), rs.getString(6))).list();
        return new ProcedureExecutionView(e.id(), e.procedureId(), e.procedure(), e.procedureVersion(), e.kind(), e.userId(), e.username(),
                e.account(), e.targets(), e.tenantId(), e.purpose(), e.from(), e.until(), e.state(), e.changeId(), changeState(e),
                e.createdAt(), e.approvedAt(), e.approvedBy(), e.closedAt(), e.closedBy(), e.closeReason(), e.nextStep(), steps, sessions, flagged);
    }

    private String changeState(ProcedureExecutionView e) {
        try {
            return changes.get(e.changeId()).state();
        } catch (ProblemException notVisible) {
            return null;
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static UUID[] uuids(Object array) {
        try {
            return (UUID[]) ((Array) array).getArray();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
