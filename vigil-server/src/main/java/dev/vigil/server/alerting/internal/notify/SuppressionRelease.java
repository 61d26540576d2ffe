package dev.vigil.server.alerting.internal.notify;

import java.util.List;

import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.internal.AlertRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every second: the firing alerts grouped under an upstream alert that has resolved are queued again, each in its own
 * transaction ({@link NotificationOutbox#release}): notified now unless another down upstream still holds them.
 * Grouped by the routing tree, they are already in their notification groups, whose next flush sends them.
 */
@Component
class SuppressionRelease {

    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(SuppressionRelease.class);

    private final JdbcClient jdbc;
    private final NotificationOutbox outbox;
    private final TransactionTemplate transactions;

    SuppressionRelease(JdbcClient jdbc, NotificationOutbox outbox, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void scheduled() {
        try {
            List<java.util.UUID> released = jdbc.sql("""
                    SELECT a.id FROM alert a JOIN alert u ON u.id = a.suppressed_by
                    WHERE a.state = 'firing' AND u.state = 'resolved' ORDER BY a.first_seen LIMIT ?""").param(BATCH)
                    .query(java.util.UUID.class).list();
            for (java.util.UUID id : released) {
                transactions.executeWithoutResult(tx -> jdbc.sql("SELECT " + AlertRows.COLUMNS + """
                        FROM alert WHERE id = ? AND state = 'firing' FOR UPDATE SKIP LOCKED""").param(id).query(AlertRows::map)
                        .optional().ifPresent(outbox::release));
            }
        } catch (RuntimeException e) {
            log.error("releasing alerts grouped under resolved upstream alerts failed; retrying in a second", e);
        }
    }
}
