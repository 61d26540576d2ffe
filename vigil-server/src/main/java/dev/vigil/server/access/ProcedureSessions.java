package dev.vigil.server.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.bastion.policy.CommandConfinement;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Binds bastion sessions to approved procedure executions and checks their commands against the plan. A session of
 * an execution's operator to one of its targets, opened within its window while it is approved, is bound to it (the
 * newest approved one if several match). Each recorded command of a bound session is marked planned or out-of-plan;
 * an out-of-plan command is audited and raises a warning alert (one per execution, counting the commands). Flagged,
 * not blocked, unless the execution's procedure version is strict: then {@link #strictPlan} confines the operator's
 * commands on its targets to the plan, and the gateway refuses the others as a deny rule would.
 */
@Component
public class ProcedureSessions {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AlertIntake alerts;
    private final Clock clock;

    ProcedureSessions(JdbcClient jdbc, AuditLog audit, AlertIntake alerts, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The execution a session of this operator on this target opened at {@code at} binds to, with its procedure version. */
    private Optional<Map<String, Object>> executionFor(UUID userId, UUID targetId, Instant at) {
        Timestamp when = Timestamp.from(at);
        return jdbc.sql("""
                SELECT e.id, e.procedure_name, e.tenant_id, v.definition::text AS definition FROM access_procedure_execution e
                JOIN access_procedure_version v ON v.procedure_id = e.procedure_id AND v.version = e.procedure_version
                WHERE e.state = 'approved' AND e.user_id = ? AND ? = ANY (e.target_ids) AND e.window_from <= ? AND e.window_until > ?
                ORDER BY e.approved_at DESC LIMIT 1""").params(userId, targetId, when, when).query().listOfRows().stream().findFirst();
    }

    /**
     * The plan an operator's commands on a target are confined to now: that of the execution their sessions there bind
     * to, when its procedure version is strict. The refusal names the procedure and the execution.
     */
    public Optional<CommandConfinement> strictPlan(UUID userId, UUID targetId) {
        return executionFor(userId, targetId, clock.instant()).flatMap(execution -> {
            ProcedureDefinition definition = ProcedureDefinition.fromJson((String) execution.get("definition"));
            if (!definition.strict()) {
                return Optional.empty();
            }
            ProcedurePlan plan = new ProcedurePlan(definition);
            String named = "strict procedure " + execution.get("procedure_name") + " (execution " + execution.get("id") + ")";
            return Optional.of(analysis -> {
                ProcedurePlan.Check check = plan.check(analysis);
                return check.planned() ? Optional.empty()
                        : Optional.of(named + ": " + String.join(", ", check.unplanned().stream().map(c -> "'" + c + "'").toList())
                                + " is outside its plan");
            });
        });
    }

    /** Binds a session just stored (in the caller's transaction); the execution's id if one matched. */
    public Optional<UUID> bind(UUID sessionId, UUID userId, UUID targetId, Instant startedAt, Actor actor) {
        Optional<Map<String, Object>> execution = executionFor(userId, targetId, startedAt);
        if (execution.isEmpty()) {
            return Optional.empty();
        }
        UUID id = (UUID) execution.get().get("id");
        jdbc.sql("UPDATE access_session SET procedure_execution_id = ? WHERE id = ?").params(id, sessionId).update();
        audit.record(new AuditEntry(actor, "access.procedure.session.bind", "access-procedure-execution", id.toString(),
                (UUID) execution.get().get("tenant_id"), AuditEntry.Outcome.SUCCESS, Map.of("session", sessionId.toString()),
                Map.of("session", sessionId.toString(), "procedure", execution.get().get("procedure_name"))));
        return Optional.of(id);
    }

    /** Checks a command just stored for a session (in the caller's transaction); nothing for a session bound to no execution. */
    public void check(UUID sessionId, int seq, String command, boolean ran, Actor actor) {
        Optional<Map<String, Object>> bound = jdbc.sql("""
                SELECT e.id, e.procedure_name, e.tenant_id, s.target_name, v.definition::text AS definition FROM access_session s
                JOIN access_procedure_execution e ON e.id = s.procedure_execution_id
                JOIN access_procedure_version v ON v.procedure_id = e.procedure_id AND v.version = e.procedure_version
                WHERE s.id = ?""").param(sessionId).query().listOfRows().stream().findFirst();
        if (bound.isEmpty()) {
            return;
        }
        Map<String, Object> execution = bound.get();
        ProcedurePlan.Check check = new ProcedurePlan(ProcedureDefinition.fromJson((String) execution.get("definition"))).check(command);
        jdbc.sql("UPDATE access_session_command SET plan = ?, plan_step = ? WHERE session_id = ? AND seq = ?")
                .params(check.planned() ? "planned" : "out-of-plan", check.step(), sessionId, seq).update();
        if (check.planned()) {
            return;
        }
        UUID id = (UUID) execution.get("id");
        String procedure = (String) execution.get("procedure_name");
        String target = (String) execution.get("target_name");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", sessionId.toString());
        body.put("seq", seq);
        body.put("command", command);
        body.put("unplanned", check.unplanned());
        body.put("target", target);
        body.put("procedure", procedure);
        body.put("refused", !ran);
        audit.record(new AuditEntry(actor, "access.procedure.command.out-of-plan", "access-procedure-execution", id.toString(),
                (UUID) execution.get("tenant_id"), AuditEntry.Outcome.SUCCESS, Map.of("session", sessionId.toString()), body));
        alerts.raise(new AlertDraft("platform", "bastion", "procedure-out-of-plan:" + id,
                "Command outside the plan of procedure " + procedure + " on " + target, "vigil", AlertSeverity.MEDIUM,
                "bastion-procedure-out-of-plan:" + id, Duration.ofHours(24), Map.of("user.name", actor.name(), "host.name", target), List.of(),
                "The command '" + command + "' of session " + sessionId + (ran ? " ran " : " would have run (the gateway refused it) ")
                        + String.join(", ", check.unplanned()) + ", which no step of the procedure expects (execution " + id + ").",
                clock.instant(), 1));
    }
}
