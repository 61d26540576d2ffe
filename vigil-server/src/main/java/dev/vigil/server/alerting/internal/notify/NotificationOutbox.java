package dev.vigil.server.alerting.internal.notify;

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
import dev.vigil.server.alerting.internal.escalation.EscalationStarter;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues what a new alert is told by, in the transaction that stores the alert: an alert is never stored without its
 * notifications, and the dispatcher delivers them at least once. An alert the routing tree routes joins the
 * notification group of each route's receiver ({@link NotificationGroups}: grouped, deduplicated, repeated, and held
 * back at each flush by silences, inhibit rules and the route's mute intervals); an alert that names its receivers, or
 * any alert without a tree, gets a notification per channel of each receiver at once, or, while an active silence
 * covers it, a held one that {@link HoldRecheckJob} sends once no silence does. An alert grouped under a down
 * upstream component's alert ({@link TopologySuppression}) gets its notifications recorded as silenced until that one
 * resolves ({@link #release}). A receiver that names an escalation policy, and an alert that names one itself, start
 * that escalation (for a held-back alert: when the hold ends).
 */
@Component
class NotificationOutbox {

    private final JdbcClient jdbc;
    private final ReceiverStore receivers;
    private final NotificationHolds holds;
    private final EscalationStarter escalations;
    private final NotificationGroups groups;
    private final TopologySuppression topology;
    private final HeldNotifications held;

    NotificationOutbox(JdbcClient jdbc, ReceiverStore receivers, NotificationHolds holds, EscalationStarter escalations,
            NotificationGroups groups, TopologySuppression topology, HeldNotifications held) {
        this.held = held;
        this.escalations = escalations;
        this.jdbc = jdbc;
        this.receivers = receivers;
        this.holds = holds;
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
     * Queues again a firing alert whose upstream alert resolved: it is notified now, or held while a silence covers it,
     * and its escalations start.
     */
    void release(AlertView alert) {
        queue(alert, true);
    }

    private void queue(AlertView alert, boolean released) {
        NotificationHolds.Now now = holds.now();
        String silenced = now.silenced(alert).orElse(null);
        String grouped = topology.refresh(alert).map(TopologySuppression::reason).orElse(null);
        Optional<AlertmanagerConfig> tree = now.tree();
        List<String> named = AlertLabels.namedReceivers(alert);
        boolean namesReceivers = alert.entities().containsKey(AlertLabels.RECEIVERS_ENTITY);
        List<Target> targets = namesReceivers ? named(named) : tree.isPresent() ? routed(tree.get(), alert, now) : filtered(alert);
        for (Target target : targets) {
            ReceiverStore.Receiver receiver = target.receiver();
            String heldBack = silenced != null ? silenced : target.heldBack();
            if (target.route() != null) {
                // its group's flushes re-check the hold
                groups.join(alert, target.route(), tree.orElseThrow(), heldBack);
            } else if (heldBack != null) {
                if (!released || !held.isHeld(alert.id(), receiver.name())) {
                    held.hold(alert.id(), receiver, heldBack, null);
                }
            } else if (!released || grouped == null) {
                for (int i = 0; i < receiver.channels().size(); i++) {
                    jdbc.sql("""
                            INSERT INTO notification (id, alert_id, receiver, channel_index, channel_type, status, last_error)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                            .params(UUID.randomUUID(), alert.id(), receiver.name(), i, receiver.channels().get(i).type(),
                                    grouped != null ? "silenced" : "pending", grouped)
                            .update();
                }
            }
            if (heldBack == null && grouped == null && receiver.escalationPolicy() != null) {
                escalations.start(alert, receiver.escalationPolicy(), "receiver " + receiver.name());
            }
        }
        if (silenced == null && grouped == null) {
            startNamedEscalation(escalations, alert);
        }
    }

    /** Starts the escalation policy the alert names itself, if it names one (idempotent). */
    static void startNamedEscalation(EscalationStarter escalations, AlertView alert) {
        String namedPolicy = alert.entities().getOrDefault(AlertLabels.ESCALATION_ENTITY, "").strip();
        if (!namedPolicy.isEmpty()) {
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
    private List<Target> routed(AlertmanagerConfig tree, AlertView alert, NotificationHolds.Now now) {
        Map<String, String> labels = AlertLabels.of(alert);
        String inhibited = now.inhibited(alert).orElse(null);
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Route route : tree.route(labels)) {
            Optional<ReceiverStore.Receiver> receiver = receivers.byName(route.receiver());
            if (receiver.isEmpty() || !receiver.get().enabled() || targets.containsKey(route.receiver())) {
                continue;
            }
            String muted = now.muted(route).orElse(null);
            targets.put(route.receiver(), new Target(receiver.get(), route, inhibited != null ? inhibited : muted));
        }
        return List.copyOf(targets.values());
    }

    static boolean wants(ReceiverStore.Receiver receiver, AlertView alert) {
        return receiver.enabled()
                && AlertSeverity.parse(alert.severity()).compareTo(AlertSeverity.parse(receiver.minSeverity())) >= 0
                && (receiver.sources().isEmpty() || receiver.sources().contains(alert.source()))
                && (receiver.tenants().isEmpty() || receiver.tenants().contains(alert.tenant()));
    }
}
