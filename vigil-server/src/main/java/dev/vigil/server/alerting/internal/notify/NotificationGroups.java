package dev.vigil.server.alerting.internal.notify;

import java.sql.Array;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vigil.monitor.routing.AlertmanagerConfig;
import dev.vigil.monitor.routing.DedupStage;
import dev.vigil.monitor.routing.Receiver;
import dev.vigil.monitor.routing.Route;
import dev.vigil.server.alerting.AlertLabels;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.internal.escalation.EscalationStarter;
import dev.vigil.server.alerting.internal.AlertRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alertmanager's aggregation groups, kept in PostgreSQL so they survive a restart: an alert the routing tree sends to a
 * receiver joins the group of its route and group_by values (in the alert's transaction), and each flush of a group
 * (first after group_wait, then every group_interval) decides with vigil-monitor's {@link DedupStage} whether to notify
 * and queues one message listing the group's new firing, still firing and (with {@code send_resolved}) resolved
 * alerts, one notification per channel of the receiver, in the same transaction as the group's notification log.
 * Alerts grouped under a down upstream component's alert ({@link TopologySuppression}) are left out and listed under
 * that alert instead.
 * <p>
 * As in Alertmanager, what holds notifications back is checked at each flush, not only when an alert joins: a member
 * an active silence or an inhibit rule covers is left out of the message (held, with why, in its notification log),
 * and while a mute interval of the route is active nothing is sent. A member whose hold ends is listed by the next
 * message as new (its receiver's escalation starts then, if the hold kept it from starting), and a resolved member is
 * listed as resolved only if a message told the receiver it fired.
 */
@Component
class NotificationGroups {

    /** The receiver-level key of the routing tree's receiver entries that switches resolved notifications off (default on). */
    static final String SEND_RESOLVED = "send_resolved";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(NotificationGroups.class);

    private record Group(String key, String receiver, String routeId, String labels, Duration groupInterval, Duration repeatInterval,
                         boolean sendResolved, DedupStage.LogEntry last) {
    }

    private final JdbcClient jdbc;
    private final ReceiverStore receivers;
    private final TopologySuppression topology;
    private final HeldNotifications held;
    private final EscalationStarter escalations;
    private final Clock clock;

    NotificationGroups(JdbcClient jdbc, ReceiverStore receivers, TopologySuppression topology, HeldNotifications held,
            EscalationStarter escalations, Clock clock) {
        this.jdbc = jdbc;
        this.receivers = receivers;
        this.topology = topology;
        this.held = held;
        this.escalations = escalations;
        this.clock = clock;
    }

    /** A member of the group being flushed, with why it was held back at the last flush (null: it was not). */
    private record Member(AlertView alert, String held, boolean notified) {
    }

    /**
     * Adds the alert to its group of this route (opening the group, due after group_wait), held back for
     * {@code heldBack} (null: not held); idempotent.
     */
    void join(AlertView alert, Route route, AlertmanagerConfig tree, String heldBack) {
        Map<String, String> groupLabels = route.groupBy().select(AlertLabels.of(alert));
        String labels = JSON.writeValueAsString(groupLabels);
        String key = route.receiver() + "/" + route.id() + ":" + labels;
        Route.Timing timing = route.timing();
        jdbc.sql("""
                INSERT INTO notification_group (group_key, receiver, route_id, group_labels, group_interval_ms, repeat_interval_ms,
                                                send_resolved, next_flush_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (group_key) DO UPDATE SET group_key = excluded.group_key""")
                .params(key, route.receiver(), route.id(), labels, timing.groupInterval().toMillis(), timing.repeatInterval().toMillis(),
                        sendResolved(tree.receivers().get(route.receiver())), Timestamp.from(clock.instant().plus(timing.groupWait())))
                .update();
        int joined = jdbc.sql("INSERT INTO notification_group_alert (group_key, alert_id, held) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(key, alert.id(), heldBack).update();
        if (joined > 0 && heldBack != null) {
            receivers.byName(route.receiver()).ifPresent(r -> held.hold(alert.id(), r, heldBack, key));
        }
    }

    private static boolean sendResolved(Receiver receiver) {
        Object value = receiver == null ? null : receiver.integrations().get(SEND_RESOLVED);
        return value == null || Boolean.parseBoolean(String.valueOf(value));
    }

    /** The keys of the groups due at {@code now}, oldest first. */
    List<String> due(Instant now, int limit) {
        return jdbc.sql("SELECT group_key FROM notification_group WHERE next_flush_at <= ? ORDER BY next_flush_at LIMIT ?")
                .params(Timestamp.from(now), limit).query(String.class).list();
    }

    /**
     * Flushes one due group in the caller's transaction, holding its row lock (another server flushing it is skipped),
     * with what holds notifications back as {@code holdsNow} saw it; returns whether a message was queued.
     */
    boolean flush(String key, Instant now, NotificationHolds.Now holdsNow) {
        Optional<Group> locked = jdbc.sql("""
                SELECT group_key, receiver, group_labels::text, group_interval_ms, repeat_interval_ms, send_resolved,
                       last_firing, last_resolved, last_notified_at, route_id
                FROM notification_group WHERE group_key = ? AND next_flush_at <= ? FOR UPDATE SKIP LOCKED""")
                .params(key, Timestamp.from(now))
                .query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getString(10), rs.getString(3), Duration.ofMillis(rs.getLong(4)),
                        Duration.ofMillis(rs.getLong(5)), rs.getBoolean(6), rs.getTimestamp(9) == null ? null
                        : new DedupStage.LogEntry(strings(rs.getArray(7)), strings(rs.getArray(8)), rs.getTimestamp(9).toInstant())))
                .optional();
        if (locked.isEmpty()) {
            return false;
        }
        Group group = locked.get();
        List<Member> members = jdbc.sql("SELECT " + AlertRows.COLUMNS + """
                , m.held, m.notified_at IS NOT NULL AS notified FROM alert JOIN notification_group_alert m ON m.alert_id = alert.id
                WHERE m.group_key = ? ORDER BY first_seen, id""")
                .param(key).query((rs, n) -> new Member(AlertRows.map(rs, n), rs.getString("held"), rs.getBoolean("notified")))
                .list();
        Optional<String> muted = holdsNow.route(group.routeId()).flatMap(holdsNow::muted);
        List<AlertView> firing = new ArrayList<>();
        List<AlertView> resolved = new ArrayList<>();
        List<AlertView> gone = new ArrayList<>();
        Map<String, List<Map<String, String>>> affected = new LinkedHashMap<>();
        Set<String> firingEntries = new LinkedHashSet<>();
        for (Member member : members) {
            AlertView alert = member.alert();
            if (alert.state().equals("resolved")) {
                gone.add(alert);
                if (member.held() != null) {
                    held.dropInGroup(alert.id(), key);
                } else if (member.notified() && holdsNow.heldBack(alert).isEmpty()) {
                    resolved.add(alert);
                }
            } else if (topology.hold(alert).isEmpty()) {
                String heldBack = muted.or(() -> holdsNow.heldBack(alert)).orElse(null);
                hold(key, group.receiver(), member, heldBack, now);
                if (heldBack == null) {
                    firing.add(alert);
                    firingEntries.add(alert.id().toString());
                    List<Map<String, String>> under = topology.affectedBy(alert.id());
                    if (!under.isEmpty()) {
                        affected.put(alert.id().toString(), under);
                        // A downstream alert newly grouped under it is news for the group, as a new firing alert would be.
                        under.forEach(a -> firingEntries.add(alert.id() + ">" + a.get("alert")));
                    }
                }
            }
        }
        if (muted.isPresent()) {
            // Alertmanager's time mute stage: nothing goes out, and the notification log stays as it was
            firing.clear();
            resolved.clear();
        }
        Set<String> resolvedEntries = new LinkedHashSet<>(resolved.stream().map(a -> a.id().toString()).toList());
        boolean queued = false;
        if (muted.isEmpty() && DedupStage.needsUpdate(group.last(), firingEntries, resolvedEntries, group.sendResolved(), group.repeatInterval(), now)) {
            jdbc.sql("UPDATE notification_group SET last_firing = ?, last_resolved = ?, last_notified_at = ? WHERE group_key = ?")
                    .params(firingEntries.toArray(String[]::new), resolvedEntries.toArray(String[]::new), Timestamp.from(now), key)
                    .update();
            // Nothing to list (what fired is now grouped under an upstream alert, whose message lists it): logged only.
            if (!firing.isEmpty() || group.sendResolved() && !resolved.isEmpty()) {
                queued = queue(group, firing, group.sendResolved() ? resolved : List.of(), affected);
            }
        }
        for (AlertView alert : gone) {
            jdbc.sql("DELETE FROM notification_group_alert WHERE group_key = ? AND alert_id = ?").params(key, alert.id()).update();
        }
        jdbc.sql("UPDATE notification_group SET next_flush_at = ? WHERE group_key = ?")
                .params(Timestamp.from(now.plus(group.groupInterval())), key).update();
        jdbc.sql("DELETE FROM notification_group g WHERE group_key = ? AND NOT EXISTS (SELECT 1 FROM notification_group_alert m WHERE m.group_key = g.group_key)")
                .param(key).update();
        return queued;
    }

    /**
     * Records a member's hold as it is at this flush: a new hold is logged, a changed one re-worded, an ended one
     * released (starting the escalations the hold kept from starting; they start once, so this is idempotent).
     */
    private void hold(String key, String receiver, Member member, String heldBack, Instant now) {
        AlertView alert = member.alert();
        if (Objects.equals(member.held(), heldBack)) {
            return;
        }
        jdbc.sql("UPDATE notification_group_alert SET held = ? WHERE group_key = ? AND alert_id = ?").params(heldBack, key, alert.id()).update();
        if (heldBack == null) {
            held.releaseInGroup(alert.id(), key, now);
            receivers.byName(receiver).map(ReceiverStore.Receiver::escalationPolicy)
                    .ifPresent(policy -> escalations.start(alert, policy, "receiver " + receiver));
            NotificationOutbox.startNamedEscalation(escalations, alert);
        } else if (member.held() == null) {
            receivers.byName(receiver).ifPresent(r -> held.hold(alert.id(), r, heldBack, key));
        } else {
            held.rehold(alert.id(), key, heldBack);
        }
    }

    private boolean queue(Group group, List<AlertView> firing, List<AlertView> resolved, Map<String, List<Map<String, String>>> affected) {
        Optional<ReceiverStore.Receiver> receiver = receivers.byName(group.receiver()).filter(ReceiverStore.Receiver::enabled);
        if (receiver.isEmpty()) {
            log.warn("notification group {} is due, but its receiver {} no longer exists or is disabled", group.key(), group.receiver());
            return false;
        }
        Set<String> before = group.last() == null ? Set.of() : group.last().firing();
        List<UUID> fresh = firing.stream().map(AlertView::id).filter(id -> !before.contains(id.toString())).toList();
        List<UUID> still = firing.stream().map(AlertView::id).filter(id -> before.contains(id.toString())).toList();
        List<UUID> all = new ArrayList<>(firing.stream().map(AlertView::id).toList());
        resolved.forEach(a -> all.add(a.id()));
        UUID message = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO notification_group_message (id, group_key, receiver, group_labels, new_firing, still_firing, resolved, affected, alert_ids)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?)""")
                .params(message, group.key(), group.receiver(), group.labels(), fresh.toArray(UUID[]::new), still.toArray(UUID[]::new),
                        resolved.stream().map(AlertView::id).toArray(UUID[]::new), JSON.writeValueAsString(affected), all.toArray(UUID[]::new))
                .update();
        List<dev.vigil.server.alerting.ChannelConfig> channels = receiver.get().channels();
        for (int i = 0; i < channels.size(); i++) {
            jdbc.sql("""
                    INSERT INTO notification (id, group_message_id, receiver, channel_index, channel_type, status)
                    VALUES (?, ?, ?, ?, ?, 'pending')""")
                    .params(UUID.randomUUID(), message, group.receiver(), i, channels.get(i).type()).update();
        }
        jdbc.sql("UPDATE notification_group_alert SET notified_at = now() WHERE group_key = ? AND alert_id = ANY (?) AND notified_at IS NULL")
                .params(group.key(), firing.stream().map(AlertView::id).toArray(UUID[]::new)).update();
        return true;
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
