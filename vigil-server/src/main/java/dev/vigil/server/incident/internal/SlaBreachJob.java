package dev.vigil.server.incident.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertLabels;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.incident.Level;
import dev.vigil.server.incident.LevelEscalation;
import dev.vigil.server.incident.SlaPolicy;
import dev.vigil.server.incident.SlaTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every 30 seconds: finds SLA timers of open incidents that ran out and raises one alert per breach through alerting
 * (so routing, receivers and the level's escalation policy page people), noting it on the incident. The breach row is written in the same
 * transaction as the alert, so after a restart the job goes on where it stopped and never raises a breach twice.
 */
@Component
public class SlaBreachJob {

    private static final Logger log = LoggerFactory.getLogger(SlaBreachJob.class);
    static final String JOB = "incident-sla";

    private final JdbcClient jdbc;
    private final SlaPolicy sla;
    private final AlertIntake intake;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final IncidentStore store;
    private final Clock clock;
    private final LevelEscalation escalation;

    SlaBreachJob(JdbcClient jdbc, SlaPolicy sla, AlertIntake intake, AuditLog audit, TransactionTemplate transactions, IncidentStore store,
            Clock clock, LevelEscalation escalation) {
        this.escalation = escalation;
        this.store = store;
        this.jdbc = jdbc;
        this.sla = sla;
        this.intake = intake;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 10_000)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("SLA check failed; retrying in 30 seconds", e);
        }
    }

    /** Checks every open incident now; returns how many breaches it raised. */
    public int run() {
        Instant now = clock.instant();
        List<IncidentRow> open = jdbc.sql("SELECT " + IncidentRow.COLUMNS + " FROM incident WHERE phase NOT IN ('closed', 'reviewed')")
                .query(IncidentRow::map).list();
        int raised = 0;
        for (IncidentRow incident : open) {
            for (SlaTimer timer : sla.timers(incident.effectiveLevel(), incident.createdAt(), incident.triageAt(),
                    incident.containedAt(), incident.closedAt(), now)) {
                if (timer.state().equals("breached") && Boolean.TRUE.equals(transactions.execute(tx -> breach(incident, timer, now)))) {
                    raised++;
                }
            }
        }
        return raised;
    }

    private boolean breach(IncidentRow incident, SlaTimer timer, Instant now) {
        int level = incident.effectiveLevel();
        int inserted = jdbc.sql("""
                INSERT INTO incident_sla_breach (incident_id, timer, level, due_at, breached_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(incident.id(), timer.name(), level, Timestamp.from(timer.dueAt()), Timestamp.from(now)).update();
        if (inserted == 0) {
            return false;
        }
        String title = "SLA breached: " + incident.ref() + " not " + verb(timer.name()) + " within " + Duration.parse(timer.limit())
                .toString().substring(2).toLowerCase() + " (level " + Level.label(level) + ")";
        Map<String, String> entities = new LinkedHashMap<>();
        entities.put("incident.id", incident.id().toString());
        entities.put("incident.ref", incident.ref());
        escalation.policyOf(level).ifPresent(policy -> entities.put(AlertLabels.ESCALATION_ENTITY, policy));
        AlertView alert = intake.raise(new AlertDraft(incident.tenant(), "incident", "sla-" + timer.name(), title, "vigil",
                severity(level), "incident-sla:" + incident.id() + ":" + timer.name(), Duration.ofDays(365), entities, List.of(),
                incident.title() + ": the " + timer.name() + " timer was due at " + timer.dueAt(), now, 1));
        jdbc.sql("UPDATE incident_sla_breach SET alert_id = ? WHERE incident_id = ? AND timer = ?")
                .params(alert.id(), incident.id(), timer.name()).update();
        jdbc.sql("INSERT INTO incident_timeline (id, incident_id, at, kind, actor, text) VALUES (?, ?, ?, 'sla', ?, ?)")
                .params(UUID.randomUUID(), incident.id(), Timestamp.from(now), JOB, title).update();
        audit.record(AuditEntry.success("incident.sla.breach", "incident", incident.id(), store.tenantId(incident.tenant()), Map.of("timer", timer.name(),
                "level", level, "dueAt", timer.dueAt().toString(), "alert", alert.id().toString())).by(Actor.systemJob(JOB)));
        log.warn("{}", title);
        return true;
    }

    private static String verb(String timer) {
        return switch (timer) {
            case "acknowledge" -> "acknowledged";
            case "contain" -> "contained";
            default -> "resolved";
        };
    }

    private static AlertSeverity severity(int level) {
        return switch (level) {
            case 1 -> AlertSeverity.CRITICAL;
            case 2 -> AlertSeverity.HIGH;
            case 3 -> AlertSeverity.MEDIUM;
            default -> AlertSeverity.LOW;
        };
    }
}
