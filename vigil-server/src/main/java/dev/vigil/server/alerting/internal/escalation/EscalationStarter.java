package dev.vigil.server.alerting.internal.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.monitor.promql.parse.Durations;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.EscalationPolicyService;
import dev.vigil.server.alerting.EscalationStep;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts an alert's escalation by a policy, in the caller's transaction (the alert's): the policy's steps are copied,
 * so editing the policy later leaves running escalations alone. A policy starts at most once per alert.
 */
@Component
public class EscalationStarter {

    private static final Logger log = LoggerFactory.getLogger(EscalationStarter.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    EscalationStarter(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts it unless it runs already; {@code why} says who asked (a receiver, the alert itself). */
    public Optional<UUID> start(AlertView alert, String policyName, String why) {
        record Policy(UUID id, String steps, int repeat, long repeatAfterMs) {
        }
        Optional<Policy> policy = jdbc.sql("SELECT id, steps::text, repeat, repeat_after_ms FROM escalation_policy WHERE name = ?")
                .param(policyName).query((rs, n) -> new Policy(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getLong(4)))
                .optional();
        if (policy.isEmpty()) {
            log.warn("alert {} names escalation policy '{}', which does not exist ({})", alert.id(), policyName, why);
            return Optional.empty();
        }
        return start(alert, policy.get().id(), policyName, EscalationPolicyService.steps(policy.get().steps()), policy.get().repeat(),
                policy.get().repeatAfterMs(), why);
    }

    /**
     * Starts an escalation with these steps under {@code policyId} (a policy's, or one made up for a single paging, as a
     * playbook's notify step does) unless one with that id runs for the alert already.
     */
    public Optional<UUID> start(AlertView alert, UUID policyId, String policyName, List<EscalationStep> steps, int repeat,
            long repeatAfterMs, String why) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO alert_escalation (id, alert_id, policy_id, policy_name, steps, repeat, repeat_after_ms, next_at, state, started_by)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, 'active', ?) ON CONFLICT (alert_id, policy_id) DO NOTHING""")
                .params(id, alert.id(), policyId, policyName, EscalationPolicyService.json(steps), repeat, repeatAfterMs,
                        Timestamp.from(clock.instant().plusMillis(Durations.parse(steps.getFirst().delay()))), why)
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        audit.record(AuditEntry.success("alert.escalation.start", "alert", alert.id(), null, Map.of("policy", policyName,
                "escalation", id.toString(), "by", why)).by(Actor.systemJob(EscalationJob.JOB)));
        return Optional.of(id);
    }
}
