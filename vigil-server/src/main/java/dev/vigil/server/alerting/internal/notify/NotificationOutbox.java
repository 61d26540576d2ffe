package dev.vigil.server.alerting.internal.notify;

import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.alerting.AlertRaised;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.SilenceService;
import dev.vigil.server.alerting.SilenceView;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues a notification per channel of every receiver that wants a new alert, in the transaction that stores the
 * alert: an alert is never stored without its notifications, and the dispatcher delivers them at least once. An alert
 * an active silence covers gets its notifications recorded as silenced, and none is sent.
 */
@Component
class NotificationOutbox {

    private final JdbcClient jdbc;
    private final ReceiverStore receivers;
    private final SilenceService silences;

    NotificationOutbox(JdbcClient jdbc, ReceiverStore receivers, SilenceService silences) {
        this.jdbc = jdbc;
        this.receivers = receivers;
        this.silences = silences;
    }

    @EventListener
    void on(AlertRaised raised) {
        AlertView alert = raised.alert();
        Optional<SilenceView> silence = silences.silencing(alert);
        for (ReceiverStore.Receiver receiver : receivers.all()) {
            if (!wants(receiver, alert)) {
                continue;
            }
            for (int i = 0; i < receiver.channels().size(); i++) {
                jdbc.sql("""
                        INSERT INTO notification (id, alert_id, receiver, channel_index, channel_type, status, last_error)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(UUID.randomUUID(), alert.id(), receiver.name(), i, receiver.channels().get(i).type(),
                                silence.isPresent() ? "silenced" : "pending",
                                silence.map(s -> "silenced by " + s.id() + " (" + s.createdBy() + ": " + s.comment() + ")").orElse(null))
                        .update();
            }
        }
    }

    static boolean wants(ReceiverStore.Receiver receiver, AlertView alert) {
        return receiver.enabled()
                && AlertSeverity.parse(alert.severity()).compareTo(AlertSeverity.parse(receiver.minSeverity())) >= 0
                && (receiver.sources().isEmpty() || receiver.sources().contains(alert.source()))
                && (receiver.tenants().isEmpty() || receiver.tenants().contains(alert.tenant()));
    }
}
