package dev.vigil.server.alerting.internal.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.alerting.ActiveSilences;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.SilenceEnded;
import dev.vigil.server.alerting.SilenceView;
import dev.vigil.server.alerting.internal.AlertRows;
import dev.vigil.server.alerting.internal.escalation.EscalationStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every second: re-checks the held notifications of their own (not of a notification group) that are due for it, each
 * alert in its own transaction. One is due when the silence that held it ends, when that silence is expired early
 * ({@link SilenceEnded}), and at least every {@link #RECHECK}; so an alert still silenced is not looked at every
 * second. Still silenced: it waits for that silence. Resolved: it is never sent. Grouped under a down upstream alert
 * meanwhile: it is recorded as silenced, and {@link SuppressionRelease} notifies it when that one resolves. Otherwise it
 * goes to the dispatcher now, and the escalations the hold kept from starting start.
 */
@Component
class HoldRecheckJob {

    static final Duration RECHECK = Duration.ofMinutes(1);
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(HoldRecheckJob.class);

    private final JdbcClient jdbc;
    private final NotificationHolds holds;
    private final TopologySuppression topology;
    private final ReceiverStore receivers;
    private final EscalationStarter escalations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HoldRecheckJob(JdbcClient jdbc, NotificationHolds holds, TopologySuppression topology, ReceiverStore receivers,
            EscalationStarter escalations, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.holds = holds;
        this.topology = topology;
        this.receivers = receivers;
        this.escalations = escalations;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the expired silence held back is re-checked at the next tick. */
    @EventListener
    void on(SilenceEnded ended) {
        jdbc.sql("UPDATE notification SET next_attempt_at = ? WHERE status = 'held' AND group_key IS NULL AND held_back LIKE ?")
                .params(Timestamp.from(clock.instant()), "silenced by " + ended.silence() + " %").update();
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void scheduled() {
        try {
            recheckDue();
        } catch (RuntimeException e) {
            log.error("re-checking held notifications failed; retrying in a second", e);
        }
    }

    /** Re-checks the held notifications due now; returns for how many alerts. */
    int recheckDue() {
        List<UUID> due = jdbc.sql("""
                SELECT DISTINCT alert_id FROM (SELECT alert_id FROM notification WHERE status = 'held' AND group_key IS NULL
                AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?) d""")
                .params(Timestamp.from(clock.instant()), BATCH).query(UUID.class).list();
        if (due.isEmpty()) {
            return 0;
        }
        NotificationHolds.Now now = holds.now();
        for (UUID id : due) {
            transactions.executeWithoutResult(tx -> jdbc.sql("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE id = ? FOR UPDATE SKIP LOCKED")
                    .param(id).query(AlertRows::map).optional().ifPresent(alert -> recheck(alert, now)));
        }
        return due.size();
    }

    private void recheck(AlertView alert, NotificationHolds.Now now) {
        String held = "WHERE alert_id = ? AND status = 'held' AND group_key IS NULL";
        if (alert.state().equals("resolved")) {
            jdbc.sql("UPDATE notification SET status = 'silenced', last_error = held_back || ? " + held)
                    .params(HeldNotifications.RESOLVED_WHILE_HELD, alert.id()).update();
            return;
        }
        Optional<SilenceView> silence = now.silence(alert);
        if (silence.isPresent()) {
            Instant next = silence.get().endsAt().isBefore(now.at().plus(RECHECK)) ? silence.get().endsAt() : now.at().plus(RECHECK);
            jdbc.sql("UPDATE notification SET held_back = ?, next_attempt_at = ? " + held)
                    .params(ActiveSilences.reason(silence.get()), Timestamp.from(next), alert.id()).update();
            return;
        }
        Optional<AlertView> upstream = topology.refresh(alert);
        if (upstream.isPresent()) {
            jdbc.sql("UPDATE notification SET status = 'silenced', last_error = ? " + held)
                    .params(TopologySuppression.reason(upstream.get()), alert.id()).update();
            return;
        }
        List<String> released = jdbc.sql("UPDATE notification SET status = 'pending', next_attempt_at = ?, released_at = ? " + held
                        + " RETURNING receiver")
                .params(Timestamp.from(now.at()), Timestamp.from(now.at()), alert.id()).query(String.class).list();
        released.stream().distinct().forEach(name -> receivers.byName(name).map(ReceiverStore.Receiver::escalationPolicy)
                .ifPresent(policy -> escalations.start(alert, policy, "receiver " + name)));
        NotificationOutbox.startNamedEscalation(escalations, alert);
    }
}
