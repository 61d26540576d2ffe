package dev.vigil.server.alerting.internal.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.monitor.routing.AlertmanagerConfig;
import dev.vigil.monitor.routing.Route;
import dev.vigil.server.alerting.AlertLabels;
import dev.vigil.server.alerting.AlertRaised;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.RoutingService;
import dev.vigil.server.alerting.SilenceService;
import dev.vigil.server.alerting.SilenceView;
import dev.vigil.server.alerting.internal.AlertRows;
import dev.vigil.server.alerting.internal.escalation.EscalationStarter;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues a notification per channel of every receiver that wants a new alert, in the transaction that stores the
 * alert: an alert is never stored without its notifications, and the dispatcher delivers them at least once. An alert
 * an active silence covers gets its notifications recorded as silenced, and none is sent. A receiver that names an
 * escalation policy, and an alert that names one itself, start that escalation (not for a held-back alert).
 */
@Component
class NotificationOutbox {

    private final JdbcClient jdbc;
    private final ReceiverStore receivers;
    private final SilenceService silences;
    private final RoutingService routing;
    private final Clock clock;
    private final EscalationStarter escalations;

    NotificationOutbox(JdbcClient jdbc, ReceiverStore receivers, SilenceService silences, RoutingService routing, Clock clock,
            EscalationStarter escalations) {
        this.escalations = escalations;
        this.jdbc = jdbc;
        this.receivers = receivers;
        this.silences = silences;
        this.routing = routing;
        this.clock = clock;
    }

    /** A receiver the alert goes to, and why it is held back (null: it is sent). */
    private record Target(ReceiverStore.Receiver receiver, String heldBack) {
    }

    @EventListener
    void on(AlertRaised raised) {
        AlertView alert = raised.alert();
        Optional<SilenceView> silence = silences.silencing(alert);
        String silenced = silence.map(s -> "silenced by " + s.id() + " (" + s.createdBy() + ": " + s.comment() + ")").orElse(null);
        Optional<AlertmanagerConfig> tree = routing.inForce();
        List<String> named = AlertLabels.namedReceivers(alert);
        boolean namesReceivers = alert.entities().containsKey(AlertLabels.RECEIVERS_ENTITY);
        List<Target> targets = namesReceivers ? named(named) : tree.isPresent() ? routed(tree.get(), alert) : filtered(alert);
        for (Target target : targets) {
            ReceiverStore.Receiver receiver = target.receiver();
            String heldBack = silenced != null ? silenced : target.heldBack();
            for (int i = 0; i < receiver.channels().size(); i++) {
                jdbc.sql("""
                        INSERT INTO notification (id, alert_id, receiver, channel_index, channel_type, status, last_error)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(UUID.randomUUID(), alert.id(), receiver.name(), i, receiver.channels().get(i).type(),
                                heldBack != null ? "silenced" : "pending", heldBack)
                        .update();
            }
            if (heldBack == null && receiver.escalationPolicy() != null) {
                escalations.start(alert, receiver.escalationPolicy(), "receiver " + receiver.name());
            }
        }
        String namedPolicy = alert.entities().getOrDefault(AlertLabels.ESCALATION_ENTITY, "").strip();
        if (silenced == null && !namedPolicy.isEmpty()) {
            escalations.start(alert, namedPolicy, "the alert (" + AlertLabels.ESCALATION_ENTITY + ")");
        }
    }

    /** An alert that names its receivers (a monitor's) goes to exactly those, whatever the tree or their filters say. */
    private List<Target> named(List<String> names) {
        return names.stream().map(receivers::byName).flatMap(Optional::stream).filter(ReceiverStore.Receiver::enabled)
                .map(r -> new Target(r, null)).toList();
    }

    private List<Target> filtered(AlertView alert) {
        return receivers.all().stream().filter(r -> wants(r, alert)).map(r -> new Target(r, null)).toList();
    }

    /** The tree's receivers in route order (each once), held back by a route's mute interval or an inhibit rule. */
    private List<Target> routed(AlertmanagerConfig tree, AlertView alert) {
        Map<String, String> labels = AlertLabels.of(alert);
        Instant now = clock.instant();
        String inhibited = tree.inhibitor().isInhibited(labels, firingLabels(alert)) ? "inhibited by an inhibit rule" : null;
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Route route : tree.route(labels)) {
            Optional<ReceiverStore.Receiver> receiver = receivers.byName(route.receiver());
            if (receiver.isEmpty() || !receiver.get().enabled() || targets.containsKey(route.receiver())) {
                continue;
            }
            String muted = tree.isRouteMuted(route, now) ? "muted by a time interval of route " + route.id() : null;
            targets.put(route.receiver(), new Target(receiver.get(), inhibited != null ? inhibited : muted));
        }
        return List.copyOf(targets.values());
    }

    private List<Map<String, String>> firingLabels(AlertView alert) {
        return jdbc.sql("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE state = 'firing' AND id <> ? ORDER BY last_seen DESC LIMIT 10000")
                .param(alert.id()).query(AlertRows::map).list().stream().map(AlertLabels::of).toList();
    }

    static boolean wants(ReceiverStore.Receiver receiver, AlertView alert) {
        return receiver.enabled()
                && AlertSeverity.parse(alert.severity()).compareTo(AlertSeverity.parse(receiver.minSeverity())) >= 0
                && (receiver.sources().isEmpty() || receiver.sources().contains(alert.source()))
                && (receiver.tenants().isEmpty() || receiver.tenants().contains(alert.tenant()));
    }
}
