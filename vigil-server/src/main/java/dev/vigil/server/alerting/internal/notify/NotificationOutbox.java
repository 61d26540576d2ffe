package dev.vigil.server.alerting.internal.notify;

import java.util.UUID;

import dev.vigil.server.alerting.AlertRaised;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.alerting.AlertView;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues a notification per channel of every receiver that wants a new alert, in the transaction that stores the
 * alert: an alert is never stored without its notifications, and the dispatcher delivers them at least once.
 */
@Component
class NotificationOutbox {

    private final JdbcClient jdbc;
    private final ReceiverStore receivers;

    NotificationOutbox(JdbcClient jdbc, ReceiverStore receivers) {
        this.jdbc = jdbc;
        this.receivers = receivers;
    }

    @EventListener
    void on(AlertRaised raised) {
        AlertView alert = raised.alert();
        for (ReceiverStore.Receiver receiver : receivers.all()) {
            if (!wants(receiver, alert)) {
                continue;
            }
            for (int i = 0; i < receiver.channels().size(); i++) {
                jdbc.sql("""
                        INSERT INTO notification (id, alert_id, receiver, channel_index, channel_type, status)
                        VALUES (?, ?, ?, ?, ?, 'pending')""")
                        .params(UUID.randomUUID(), alert.id(), receiver.name(), i, receiver.channels().get(i).type()).update();
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
