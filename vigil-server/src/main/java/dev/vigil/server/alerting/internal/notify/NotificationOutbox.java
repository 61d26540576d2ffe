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
 * Queues what a new alert is told by, in the transaction that stores the alert: an alert is never stored without its
 * notifications, and the dispatcher delivers them at least once. An alert the routing tree routes joins the
 * notification group of each route's receiver ({@link NotificationGroups}: grouped, deduplicated, repeated); an alert
 * that names its receivers, or any alert without a tree, gets a notification per channel of each receiver at once. An
 * alert an active silence, an inhibit rule or a mute interval covers gets its notifications recorded as silenced, and
 * none is sent; so does an alert grouped under a down upstream component's alert ({@link TopologySuppression}) until
 * that one resolves ({@link #release}). A receiver that names an escalation policy, and an alert that names one
 * itself, start that escalation (not for a held-back alert).
 */
@Component
class NotificationOutbox {

    private final JdbcClient jdbc;
    private final ReceiverStore receivers;
    private final SilenceService silences;
    private final RoutingService routing;
    private final Clock clock;
    private final EscalationStarter escalations;
    private final NotificationGroups groups;
    private final TopologySuppression topology;

    NotificationOutbox(JdbcClient jdbc, ReceiverStore receivers, SilenceService silences, RoutingService routing, Clock clock,
            EscalationStarter escalations, NotificationGroups groups, TopologySuppression topology) {
        this.escalations = escalations;
        this.jdbc = jdbc;
        this.receivers = receivers;
        this.silences = silences;
        this.routing = routing;
        this.clock = clock;
        this.groups = groups;
        this.topology = topology;
    }

    /** A receiver the alert goes to, the route that chose it (null: not routed), and why it is held back (null: it is sent). */
    private record Target(ReceiverStore.Receiver receiver, Route route, String heldBack) {
    }

    @EventListener
    void on(AlertRaised raised) {
        queue(raised.alert(), false);
    }

    /**
     * Queues again a firing alert whose upstream alert resolved: it is notified now (unless held back otherwise, which
     * was recorded when it was raised) and its escalations start.
     */
    void release(AlertView alert) {
        queue(alert, true);
    }

    private void queue(AlertView alert, boolean released) {
        Optional<SilenceView> silence = silences.silencing(alert);
        String silenced = silence.map(s -> "silenced by " + s.id() + " (" + s.createdBy() + ": " + s.comment() + ")").orElse(null);
        String grouped = topology.refresh(alert).map(TopologySuppression::reason).orElse(null);
        Optional<AlertmanagerConfig> tree = routing.inForce();
        List<String> named = AlertLabels.namedReceivers(alert);
        boolean namesReceivers = alert.entities().containsKey(AlertLabels.RECEIVERS_ENTITY);
        List<Target> targets = namesReceivers ? named(named) : tree.isPresent() ? routed(tree.get(), alert) : filtered(alert);
        for (Target target : targets) {
            ReceiverStore.Receiver receiver = target.receiver();
            String heldBack = silenced != null ? silenced : target.heldBack();
            if (target.route() != null && heldBack == null) {
                groups.join(alert, target.route(), tree.orElseThrow());
            } else if (!released || heldBack == null && grouped == null) {
                String reason = heldBack != null ? heldBack : grouped;
                for (int i = 0; i < receiver.channels().size(); i++) {
                    jdbc.sql("""
                            INSERT INTO notification (id, alert_id, receiver, channel_index, channel_type, status, last_error)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                            .params(UUID.randomUUID(), alert.id(), receiver.name(), i, receiver.channels().get(i).type(),
                                    reason != null ? "silenced" : "pending", reason)
                            .update();
                }
            }
            if (heldBack == null && grouped == null && receiver.escalationPolicy() != null) {
                escalations.start(alert, receiver.escalationPolicy(), "receiver " + receiver.name());
            }
        }
        String namedPolicy = alert.entities().getOrDefault(AlertLabels.ESCALATION_ENTITY, "").strip();
        if (silenced == null && grouped == null && !namedPolicy.isEmpty()) {
            escalations.start(alert, namedPolicy, "the alert (" + AlertLabels.ESCALATION_ENTITY + ")");
        }
    }

    /** An alert that names its receivers (a monitor's) goes to exactly those, whatever the tree or their filters say. */
    private List<Target> named(List<String> names) {
        return names.stream().map(receivers::byName).flatMap(Optional::stream).filter(ReceiverStore.Receiver::enabled)
                .map(r -> new Target(r, null, null)).toList();
    }

    private List<Target> filtered(AlertView alert) {
        return receivers.all().stream().filter(r -> wants(r, alert)).map(r -> new Target(r, null, null)).toList();
    }

    /**
     * The tree's receivers in route order (each once, by the first route that names it), held back by a route's mute
     * interval or an inhibit rule.
     */
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
            targets.put(route.receiver(), new Target(receiver.get(), route, inhibited != null ? inhibited : muted));
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
