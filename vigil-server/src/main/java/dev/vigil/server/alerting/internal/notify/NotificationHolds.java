package dev.vigil.server.alerting.internal.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vigil.monitor.routing.AlertmanagerConfig;
import dev.vigil.monitor.routing.Inhibitor;
import dev.vigil.monitor.routing.Route;
import dev.vigil.server.alerting.ActiveSilences;
import dev.vigil.server.alerting.AlertLabels;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.RoutingService;
import dev.vigil.server.alerting.SilenceService;
import dev.vigil.server.alerting.SilenceView;
import dev.vigil.server.alerting.internal.AlertRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What holds an alert's notifications back at the moment one is due (Alertmanager's mute stages): an active silence,
 * an inhibit rule of the routing tree with a firing source alert, or an active mute interval of the route. Asked when
 * an alert is raised, at each flush of its notification group, at each escalation step, and when a held-back
 * notification is re-checked.
 */
@Component
public class NotificationHolds {

    private final SilenceService silences;
    private final RoutingService routing;
    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationHolds(SilenceService silences, RoutingService routing, JdbcClient jdbc, Clock clock) {
        this.silences = silences;
        this.routing = routing;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The silences, the routing tree and the firing alerts as they are now, to ask about many alerts. */
    public Now now() {
        return new Now(clock.instant(), silences.active(), routing.inForce());
    }

    /** One instant's view; the firing alerts (the inhibit rules' sources) are read on the first question about them. */
    public final class Now {

        private record Firing(UUID id, Map<String, String> labels) {
        }

        private final Instant at;
        private final ActiveSilences active;
        private final Optional<AlertmanagerConfig> tree;
        private List<Firing> firing;

        private Now(Instant at, ActiveSilences active, Optional<AlertmanagerConfig> tree) {
            this.at = at;
            this.active = active;
            this.tree = tree;
        }

        public Instant at() {
            return at;
        }

        Optional<AlertmanagerConfig> tree() {
            return tree;
        }

        /** The silence that holds the alert back, if one does. */
        public Optional<SilenceView> silence(AlertView alert) {
            return active.covering(alert);
        }

        /** Why a silence holds the alert back, if one does. */
        public Optional<String> silenced(AlertView alert) {
            return silence(alert).map(ActiveSilences::reason);
        }

        /** Why an inhibit rule of the routing tree holds the alert back, if one does (never without a tree). */
        public Optional<String> inhibited(AlertView alert) {
            if (tree.isEmpty() || tree.get().inhibitor().rules().isEmpty()) {
                return Optional.empty();
            }
            Inhibitor inhibitor = tree.get().inhibitor();
            Map<String, String> labels = AlertLabels.of(alert);
            List<Firing> sources = firing().stream().filter(f -> !f.id().equals(alert.id()))
                    .filter(f -> inhibitor.isInhibited(labels, List.of(f.labels()))).toList();
            if (sources.isEmpty()) {
                return Optional.empty();
            }
            // The firing alerts were read once for this view; a source may have resolved since. A hold is only kept
            // while one of its sources still fires, so an inhibited alert is released at the flush that sees its
            // source resolved, not one flush later.
            List<UUID> stillFiring = jdbc.sql("SELECT id FROM alert WHERE id = ANY (?) AND state = 'firing'")
                    .param(sources.stream().map(Firing::id).toArray(UUID[]::new)).query(UUID.class).list();
            if (stillFiring.size() < sources.size()) {
                Set<UUID> ended = new HashSet<>(sources.stream().map(Firing::id).toList());
                stillFiring.forEach(ended::remove);
                firing = firing.stream().filter(f -> !ended.contains(f.id())).toList();
            }
            return stillFiring.isEmpty() ? Optional.empty() : Optional.of("inhibited by an inhibit rule");
        }

        /** A silence, else an inhibit rule. */
        public Optional<String> heldBack(AlertView alert) {
            return silenced(alert).or(() -> inhibited(alert));
        }

        /** Why the route's notifications are held back now, if they are (a mute interval, or outside its active intervals). */
        Optional<String> muted(Route route) {
            return tree.isPresent() && tree.get().isRouteMuted(route, at) ? Optional.of("muted by a time interval of route " + route.id())
                    : Optional.empty();
        }

        /** The route of the tree in force with this id, if it still has one. */
        Optional<Route> route(String id) {
            if (tree.isEmpty()) {
                return Optional.empty();
            }
            Deque<Route> open = new ArrayDeque<>(List.of(tree.get().routingTree().root()));
            while (!open.isEmpty()) {
                Route route = open.pop();
                if (route.id().equals(id)) {
                    return Optional.of(route);
                }
                open.addAll(route.children());
            }
            return Optional.empty();
        }

        private List<Firing> firing() {
            if (firing == null) {
                firing = jdbc.sql("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE state = 'firing' ORDER BY last_seen DESC LIMIT 10000")
                        .query(AlertRows::map).list().stream().map(a -> new Firing(a.id(), AlertLabels.of(a))).toList();
            }
            return firing;
        }
    }
}
