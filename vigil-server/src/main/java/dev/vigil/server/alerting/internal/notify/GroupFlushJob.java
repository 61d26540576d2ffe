package dev.vigil.server.alerting.internal.notify;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every second: flushes each due notification group in its own transaction, so a group's message, its notifications
 * and its notification log commit together. A crash before the commit leaves the group due with nothing queued; after
 * a restart it is flushed once. What holds notifications back (silences, the firing alerts inhibit rules look at) is
 * read once per tick for all the groups due.
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
        this.transactions = transactions;
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
                } catch (RuntimeException e) {
                    log.error("notification group {} could not be flushed; it stays due and is retried", key, e);
                }
            }
        } catch (RuntimeException e) {
            log.error("notification group flush failed; retrying in a second", e);
        }
    }
}
