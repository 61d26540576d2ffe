package dev.vigil.server.alerting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.alerting.internal.notify.NotificationDispatcher;
import dev.vigil.server.alerting.internal.notify.ReceiverStore;
import dev.vigil.server.alerting.internal.notify.SendResult;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notification receivers (who is told of which alerts, over which channels), a test message to check one, and the
 * delivery log of an alert. Changes are audited without their secrets.
 */
@Service
public class ReceiverService {

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ReceiverStore store;
    private final NotificationDispatcher dispatcher;
    private final AlertService alerts;
    private final EscalationPolicyService policies;

    ReceiverService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, ReceiverStore store, NotificationDispatcher dispatcher,
            AlertService alerts, EscalationPolicyService policies) {
        this.policies = policies;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.store = store;
        this.dispatcher = dispatcher;
        this.alerts = alerts;
    }

    public List<ReceiverView> list() {
        access.require("alert", "configure", null);
        return store.all().stream().map(ReceiverService::view).toList();
    }

    /** Whether a receiver of this name exists (names are not secret: features that name receivers check them). */
    public boolean exists(String name) {
        return store.byName(name).isPresent();
    }

    public ReceiverView get(UUID id) {
        access.require("alert", "configure", null);
        return view(find(id));
    }

    @Transactional
    public ReceiverView create(ReceiverChange change) {
        access.require("alert", "configure", null);
        ReceiverChange valid = validate(change, null);
        if (store.byName(valid.name()).isPresent()) {
            throw ProblemException.conflict("duplicate", "a receiver named '" + valid.name() + "' exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO notification_receiver (id, name, min_severity, sources, tenants, channels, enabled, created_by,
                                                   escalation_policy)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, valid.name(), valid.minSeverity(), valid.sources().toArray(String[]::new),
                        valid.tenants().toArray(String[]::new), store.seal(valid.channels()), valid.enabled(),
                        access.requireCurrent().username(), valid.escalationPolicy()).update();
        audit.record(AuditEntry.success("receiver.create", "receiver", id, null, describe(valid)));
        return get(id);
    }

    @Transactional
    public ReceiverView update(UUID id, ReceiverChange change) {
        access.require("alert", "configure", null);
        ReceiverStore.Receiver before = find(id);
        ReceiverChange valid = validate(change, before);
        if (!valid.name().equals(before.name()) && store.byName(valid.name()).isPresent()) {
            throw ProblemException.conflict("duplicate", "a receiver named '" + valid.name() + "' exists");
        }
        jdbc.sql("""
                UPDATE notification_receiver SET name = ?, min_severity = ?, sources = ?, tenants = ?, channels = ?, enabled = ?,
                       escalation_policy = ?, updated_at = now() WHERE id = ?""")
                .params(valid.name(), valid.minSeverity(), valid.sources().toArray(String[]::new), valid.tenants().toArray(String[]::new),
                        store.seal(valid.channels()), valid.enabled(), valid.escalationPolicy(), id).update();
        audit.record(AuditEntry.success("receiver.update", "receiver", id, null, describe(valid)));
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        access.require("alert", "configure", null);
        ReceiverStore.Receiver receiver = find(id);
        jdbc.sql("DELETE FROM notification_receiver WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("receiver.delete", "receiver", id, null, Map.of("name", receiver.name())));
    }

    /** Sends a test message to every channel of the receiver now; the outcome per channel. */
    public List<String> test(UUID id) {
        access.require("alert", "configure", null);
        ReceiverStore.Receiver receiver = find(id);
        Instant now = Instant.now();
        AlertView sample = new AlertView(UUID.randomUUID(), "platform", "test", "test", "Test notification from Vigil", "",
                "informational", "firing", "test", Map.of("receiver", receiver.name()), List.of(),
                "This is a test of receiver " + receiver.name() + "; no alert fired.", 1, now, now, null, null, null, null, null, null);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < receiver.channels().size(); i++) {
            SendResult result = dispatcher.deliver(sample, receiver.channels().get(i), null);
            outcomes.add("channels[" + i + "] " + receiver.channels().get(i).type() + ": " + result.outcome().name().toLowerCase(java.util.Locale.ROOT)
                    + " (" + result.detail() + ")");
        }
        audit.record(AuditEntry.success("receiver.test", "receiver", id, null, Map.of("name", receiver.name(), "outcomes", outcomes)));
        return outcomes;
    }

    /** Where the alert's notifications went, and how. */
    public List<NotificationView> notificationsOf(UUID alertId) {
        alerts.get(alertId);
        return jdbc.sql("""
                SELECT id, coalesce(alert_id, :alert), receiver, channel_index, channel_type, status, attempts, next_attempt_at, last_error,
                       created_at, sent_at, group_message_id, held_back, released_at
                FROM notification WHERE alert_id = :alert
                   OR group_message_id IN (SELECT id FROM notification_group_message WHERE alert_ids @> ARRAY[:alert]::uuid[])
                ORDER BY created_at, receiver, channel_index""").param("alert", alertId)
                .query((rs, n) -> new NotificationView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getInt(7), instant(rs.getTimestamp(8)), rs.getString(9),
                        rs.getTimestamp(10).toInstant(), instant(rs.getTimestamp(11)), rs.getObject(12, UUID.class), rs.getString(13),
                        instant(rs.getTimestamp(14)))).list();
    }

    private ReceiverStore.Receiver find(UUID id) {
        return store.byId(id).orElseThrow(() -> ProblemException.notFound("receiver", id));
    }

    private ReceiverChange validate(ReceiverChange change, ReceiverStore.Receiver before) {
        String name = change.name() != null ? change.name().trim() : before == null ? "" : before.name();
        if (name.isEmpty() || name.length() > 100) {
            throw ProblemException.badRequest("invalid-input", "name is required (at most 100 characters)");
        }
        String severity = change.minSeverity() != null ? change.minSeverity() : before == null ? "medium" : before.minSeverity();
        try {
            AlertSeverity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-input", "minSeverity: " + e.getMessage());
        }
        List<String> sources = change.sources() != null ? change.sources() : before == null ? List.of() : before.sources();
        List<String> tenants = change.tenants() != null ? change.tenants() : before == null ? List.of() : before.tenants();
        List<ChannelConfig> channels = change.channels() != null ? keepSecrets(change.channels(), before)
                : before == null ? List.of() : before.channels();
        String policy = change.escalationPolicy() != null ? change.escalationPolicy().strip() : before == null ? null
                : before.escalationPolicy();
        if (policy != null && policy.isEmpty()) {
            policy = null;
        }
        if (policy != null && !policies.exists(policy)) {
            throw ProblemException.badRequest("invalid-input", "escalationPolicy: no escalation policy is named '" + policy + "'");
        }
        if ((channels.isEmpty() && policy == null) || channels.size() > 20) {
            throw ProblemException.badRequest("invalid-input", "channels: give 1-20 channels (or none with an escalationPolicy)");
        }
        for (int i = 0; i < channels.size(); i++) {
            channels.get(i).validate(i);
        }
        boolean enabled = change.enabled() != null ? change.enabled() : before == null || before.enabled();
        return new ReceiverChange(name, severity, List.copyOf(sources), List.copyOf(tenants), channels, enabled, policy);
    }

    /** A secret sent back masked means "unchanged": take it from the stored channel at the same position. */
    private static List<ChannelConfig> keepSecrets(List<ChannelConfig> channels, ReceiverStore.Receiver before) {
        List<ChannelConfig> result = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            result.add(channels.get(i).keepingSecretsOf(before != null && i < before.channels().size() ? before.channels().get(i) : null));
        }
        return result;
    }

    private static Map<String, Object> describe(ReceiverChange receiver) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", receiver.name());
        body.put("minSeverity", receiver.minSeverity());
        body.put("sources", receiver.sources());
        body.put("tenants", receiver.tenants());
        body.put("channels", receiver.channels().stream().map(c -> c.type() + (c.url() != null ? " " + c.url() : " " + c.to())).toList());
        body.put("enabled", receiver.enabled());
        body.put("escalationPolicy", receiver.escalationPolicy() == null ? "" : receiver.escalationPolicy());
        return body;
    }

    private static ReceiverView view(ReceiverStore.Receiver r) {
        return new ReceiverView(r.id(), r.name(), r.minSeverity(), r.sources(), r.tenants(),
                r.channels().stream().map(ChannelConfig::masked).toList(), r.enabled(), r.createdBy(), r.updatedAt(),
                r.escalationPolicy());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
