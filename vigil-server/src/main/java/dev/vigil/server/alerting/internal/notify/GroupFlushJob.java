package dev.vigil.server.alerting.internal.notify;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every second: flushes each due notification group in its own transaction, so a group's message, its notifications
 * and its notification log commit together. A crash before the commit leaves the group due with nothing queued; after
 * a restart it is flushed once. What holds notifications back (silences, the firing alerts inhibit rules look at) is
 * read once per tick for all the groups due.
 * <p>
 * A flush runs at REPEATABLE READ: it reads the members' states and then asks whether the sources of an inhibit rule
 * still fire, and both answers must come from one snapshot. At READ COMMITTED an inhibiting member that resolved between
 * the two reads was listed as firing while the alert it inhibited was already released, so the receiver got the
 * release and the resolution in two messages. A flush that meets a concurrent change to a row it writes is rolled back
 * and stays due for the next tick.
 */
@Component
class GroupFlushJob {

    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(GroupFlushJob.class);

    private final NotificationGroups groups;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final NotificationHolds holds;

    GroupFlushJob(NotificationGroups groups, TransactionTemplate transactions, Clock clock, NotificationHolds holds) {
        this.holds = holds;
        this.groups = groups;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void scheduled() {
        try {
            List<String> due = groups.due(clock.instant(), BATCH);
            NotificationHolds.Now holdsNow = due.isEmpty() ? null : holds.now();
            for (String key : due) {
                try {
                    transactions.executeWithoutResult(tx -> groups.flush(key, clock.instant(), holdsNow));
                } catch (ConcurrencyFailureException e) {
                    log.info("notification group {} changed while it was flushed; it stays due and is flushed again: {}", key, e.getMessage());
                } catch (RuntimeException e) {
                    log.error("notification group {} could not be flushed; it stays due and is retried", key, e);
                }
            }
        } catch (RuntimeException e) {
            log.error("notification group flush failed; retrying in a second", e);
        }
    }
}
