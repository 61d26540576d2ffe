package dev.vigil.server.alerting.internal.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notification log's record of held-back notifications: one 'held' row per channel of the receiver, saying why.
 * A row of a notification group ({@code group_key}) is a log entry only (the group's message is what goes out) and
 * becomes 'released' when the hold ends; a row of its own becomes the notification itself ('pending') when released
 * ({@link HoldRecheckJob}). Either becomes 'silenced' for good when its alert resolves while held.
 */
@Component
class HeldNotifications {

    /** Appended to the reason of a notification whose alert resolved while it was held back. */
    static final String RESOLVED_WHILE_HELD = "; the alert resolved while held back, so it was never notified";

    private final JdbcClient jdbc;

    HeldNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a held notification per channel of the receiver; {@code groupKey} null: it is sent itself once released. */
    void hold(UUID alertId, ReceiverStore.Receiver receiver, String reason, String groupKey) {
        for (int i = 0; i < receiver.channels().size(); i++) {
            jdbc.sql("""
                    INSERT INTO notification (id, alert_id, receiver, channel_index, channel_type, status, held_back, group_key)
                    VALUES (?, ?, ?, ?, ?, 'held', ?, ?)""")
                    .params(UUID.randomUUID(), alertId, receiver.name(), i, receiver.channels().get(i).type(), reason, groupKey)
                    .update();
        }
    }

    /** Whether the alert has notifications of its own to this receiver held back now. */
    boolean isHeld(UUID alertId, String receiver) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE alert_id = ? AND receiver = ? AND status = 'held' AND group_key IS NULL")
                .params(alertId, receiver).query(Long.class).single() > 0;
    }

    /** A group member's hold goes on for another reason. */
    void rehold(UUID alertId, String groupKey, String reason) {
        jdbc.sql("UPDATE notification SET held_back = ? WHERE alert_id = ? AND group_key = ? AND status = 'held'")
                .params(reason, alertId, groupKey).update();
    }

    /** A group member's hold ended: the group's next message lists it. */
    void releaseInGroup(UUID alertId, String groupKey, Instant now) {
        jdbc.sql("UPDATE notification SET status = 'released', released_at = ? WHERE alert_id = ? AND group_key = ? AND status = 'held'")
                .params(Timestamp.from(now), alertId, groupKey).update();
    }

    /** A group member resolved while held back: it was never notified, and never will be. */
    void dropInGroup(UUID alertId, String groupKey) {
        jdbc.sql("""
                UPDATE notification SET status = 'silenced', last_error = held_back || ?
                WHERE alert_id = ? AND group_key = ? AND status = 'held'""")
                .params(RESOLVED_WHILE_HELD, alertId, groupKey).update();
    }
}
