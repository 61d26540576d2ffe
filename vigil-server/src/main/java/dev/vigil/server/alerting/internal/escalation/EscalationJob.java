package dev.vigil.server.alerting.internal.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.monitor.promql.parse.Durations;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.EscalationPaged;
import dev.vigil.server.alerting.EscalationPolicyService;
import dev.vigil.server.alerting.EscalationStep;
import dev.vigil.server.alerting.OnCallService;
import dev.vigil.server.alerting.internal.AlertRows;
import dev.vigil.server.alerting.internal.notify.ContactStore;
import dev.vigil.server.alerting.internal.notify.NotificationHolds;
import dev.vigil.server.alerting.internal.notify.ReceiverStore;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every second: ends the escalations of alerts that were acknowledged or resolved, then runs the due steps. A step runs
 * in one transaction that holds its escalation's row lock ({@code SKIP LOCKED}, so several servers share the work):
 * the notifications it queues in the outbox, its page log, its audit record and the move to the next step commit
 * together. A crash before the commit leaves the step due and nothing queued, so after a restart it runs once — never
 * twice. The dispatcher then delivers the notifications with its own leases and retries.
 */
@Component
public class EscalationJob {

    static final String JOB = "escalation";
    /** How soon a step held back by a silence or an inhibit rule is looked at again. */
    static final Duration HOLD_RECHECK = Duration.ofSeconds(2);
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

    private record Due(UUID id, UUID alertId, String policy, List<EscalationStep> steps, int repeat, long repeatAfterMs, int step,
                       int round, String heldBack) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OnCallService oncall;
    private final ContactStore contacts;
    private final ReceiverStore receivers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NotificationHolds holds;

    EscalationJob(JdbcClient jdbc, TransactionTemplate transactions, OnCallService oncall, ContactStore contacts, ReceiverStore receivers,
            AuditLog audit, ApplicationEventPublisher events, Clock clock, NotificationHolds holds) {
        this.holds = holds;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.oncall = oncall;
        this.contacts = contacts;
        this.receivers = receivers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("escalation run failed; retrying in a second", e);
        }
    }

    /** Ends what acknowledgement or resolution stopped and runs every due step; returns how many steps ran. */
    public int run() {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE alert_escalation e SET state = CASE WHEN a.state = 'resolved' THEN 'resolved' ELSE 'acknowledged' END, ended_at = ?
                FROM alert a WHERE a.id = e.alert_id AND e.state = 'active' AND (a.state = 'resolved' OR a.acknowledged_at IS NOT NULL)""")
                .param(Timestamp.from(now)).update();
        List<UUID> due = jdbc.sql("SELECT id FROM alert_escalation WHERE state = 'active' AND next_at <= ? ORDER BY next_at LIMIT ?")
                .params(Timestamp.from(now), BATCH).query(UUID.class).list();
        int ran = 0;
        NotificationHolds.Now holdsNow = due.isEmpty() ? null : holds.now();
        for (UUID id : due) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(tx -> step(id, clock.instant(), holdsNow)))) {
                    ran++;
                }
            } catch (RuntimeException e) {
                log.error("escalation {} failed; it stays due and is retried", id, e);
            }
        }
        return ran;
    }

    private boolean step(UUID id, Instant now, NotificationHolds.Now holdsNow) {
        Optional<Due> locked = jdbc.sql("""
                SELECT id, alert_id, policy_name, steps::text, repeat, repeat_after_ms, next_step, round, held_back FROM alert_escalation
                WHERE id = ? AND state = 'active' AND next_at <= ? FOR UPDATE SKIP LOCKED""")
                .params(id, Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        EscalationPolicyService.steps(rs.getString(4)), rs.getInt(5), rs.getLong(6), rs.getInt(7), rs.getInt(8),
                        rs.getString(9)))
                .optional();
        if (locked.isEmpty()) {
            return false;
        }
        Due due = locked.get();
        AlertView alert = jdbc.sql("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE id = ? FOR SHARE").param(due.alertId())
                .query(AlertRows::map).single();
        if (alert.state().equals("resolved") || alert.acknowledgedAt() != null) {
            end(due.id(), alert.state().equals("resolved") ? "resolved" : "acknowledged", now);
            return false;
        }
        if (held(due, alert, now, holdsNow)) {
            return false;
        }
        EscalationStep step = due.steps().get(due.step());
        List<String> paged = new ArrayList<>();
        List<String> unreached = new ArrayList<>();
        for (String schedule : step.schedules()) {
            Optional<String> user = oncall.onCall(schedule, now);
            if (user.isEmpty()) {
                log(due, now, "schedule:" + schedule, List.of(), "nobody is on call", unreached);
            } else {
                pageUser(due, alert, now, "schedule:" + schedule, user.get(), paged, unreached);
            }
        }
        for (String user : step.users()) {
            pageUser(due, alert, now, "user:" + user, user, paged, unreached);
        }
        for (String name : step.receivers()) {
            Optional<ReceiverStore.Receiver> receiver = receivers.byName(name).filter(ReceiverStore.Receiver::enabled);
            if (receiver.isEmpty() || receiver.get().channels().isEmpty()) {
                log(due, now, "receiver:" + name, List.of(), "the receiver no longer exists, is disabled or has no channels", unreached);
                continue;
            }
            for (int i = 0; i < receiver.get().channels().size(); i++) {
                queue(due, alert, name, i, receiver.get().channels().get(i).type(), null);
            }
            log(due, now, "receiver:" + name, List.of(name), "", unreached);
            paged.add(name);
        }
        advance(due, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policy", due.policy());
        body.put("step", due.step() + 1);
        body.put("round", due.round() + 1);
        body.put("paged", paged);
        body.put("unreached", unreached);
        audit.record(AuditEntry.success("alert.escalate", "alert", alert.id(), null, body).by(Actor.systemJob(JOB)));
        events.publishEvent(new EscalationPaged(alert, due.policy(), due.step() + 1, due.round() + 1, List.copyOf(paged), List.copyOf(unreached)));
        return true;
    }

    /**
     * Whether a silence or an inhibit rule holds the due step back now; if so it waits ({@link #HOLD_RECHECK}) and runs
     * once the hold ends. The page log notes when a hold starts, changes and ends.
     */
    private boolean held(Due due, AlertView alert, Instant now, NotificationHolds.Now holdsNow) {
        String heldBack = holdsNow.heldBack(alert).orElse(null);
        if (!Objects.equals(heldBack, due.heldBack())) {
            jdbc.sql("UPDATE alert_escalation SET held_back = ? WHERE id = ?").params(heldBack, due.id()).update();
            log(due, now, "hold", List.of(), heldBack != null ? "held back: " + heldBack : "hold ended: " + due.heldBack(), new ArrayList<>());
        }
        if (heldBack == null) {
            return false;
        }
        jdbc.sql("UPDATE alert_escalation SET next_at = ? WHERE id = ?").params(Timestamp.from(now.plus(HOLD_RECHECK)), due.id()).update();
        return true;
    }

    private void pageUser(Due due, AlertView alert, Instant now, String target, String user, List<String> paged, List<String> unreached) {
        List<ContactStore.Contact> reachable = contacts.of(user).stream().filter(ContactStore.Contact::enabled).toList();
        if (reachable.isEmpty()) {
            log(due, now, target, List.of(user), user + " has no contact method", unreached);
            return;
        }
        for (ContactStore.Contact contact : reachable) {
            queue(due, alert, "user:" + user, 0, contact.channel().type(), contact.id());
        }
        log(due, now, target, List.of(user), "", unreached);
        paged.add("user:" + user);
    }

    private void queue(Due due, AlertView alert, String receiver, int channelIndex, String channelType, UUID contactId) {
        jdbc.sql("""
                INSERT INTO notification (id, alert_id, receiver, channel_index, channel_type, status, escalation_id, contact_id)
                VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)""")
                .params(UUID.randomUUID(), alert.id(), receiver, channelIndex, channelType, due.id(), contactId).update();
    }

    private void log(Due due, Instant now, String target, List<String> paged, String note, List<String> unreached) {
        jdbc.sql("""
                INSERT INTO alert_escalation_page (id, escalation_id, at, step, round, target, paged, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), due.id(), Timestamp.from(now), due.step() + 1, due.round() + 1, target,
                        paged.toArray(String[]::new), note).update();
        if (!note.isEmpty()) {
            unreached.add(target + ": " + note);
        }
    }

    private void advance(Due due, Instant now) {
        if (due.step() + 1 < due.steps().size()) {
            long delay = Durations.parse(due.steps().get(due.step() + 1).delay());
            jdbc.sql("UPDATE alert_escalation SET next_step = ?, next_at = ? WHERE id = ?")
                    .params(due.step() + 1, Timestamp.from(now.plusMillis(delay)), due.id()).update();
        } else if (due.round() < due.repeat()) {
            jdbc.sql("UPDATE alert_escalation SET next_step = 0, round = ?, next_at = ? WHERE id = ?")
                    .params(due.round() + 1, Timestamp.from(now.plusMillis(due.repeatAfterMs())), due.id()).update();
        } else {
            end(due.id(), "completed", now);
        }
    }

    private void end(UUID id, String state, Instant now) {
        jdbc.sql("UPDATE alert_escalation SET state = ?, ended_at = ? WHERE id = ? AND state = 'active'")
                .params(state, Timestamp.from(now), id).update();
    }
}
