package dev.vigil.monitor.routing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The alerts of one route that share the route's group_by values, with the group's timer and notification log. */
final class AggregationGroup {

    final String key;
    final Route route;
    final Map<String, String> groupLabels;
    final Map<String, Alert> alerts = new LinkedHashMap<>();
    Instant nextFlush;
    boolean hasFlushed;
    /** What the last sent notification contained (Alertmanager's notification log entry), null before the first. */
    DedupStage.LogEntry lastNotified;

    AggregationGroup(String key, Route route, Map<String, String> groupLabels, Instant now) {
        this.key = key;
        this.route = route;
        this.groupLabels = groupLabels;
        this.nextFlush = now.plus(route.timing().groupWait());
    }

    void insert(Alert alert, Instant now) {
        alerts.put(alert.fingerprint(), alert);
        // An alert older than group_wait needs no waiting: Alertmanager flushes a fresh group at once for it.
        if (!hasFlushed && alert.startsAt().plus(route.timing().groupWait()).isBefore(now) && nextFlush.isAfter(now)) {
            nextFlush = now;
        }
    }

    /** Alertmanager's DedupStage: whether the current firing/resolved sets warrant a notification. */
    boolean needsUpdate(Set<String> firing, Set<String> resolved, boolean sendResolved, Instant now) {
        return DedupStage.needsUpdate(lastNotified, firing, resolved, sendResolved, route.timing().repeatInterval(), now);
    }

    void removeResolved(List<Alert> resolvedAtFlush) {
        for (Alert a : resolvedAtFlush) {
            // Only if it was not replaced (e.g. fired again) since the flush snapshot.
            alerts.remove(a.fingerprint(), a);
        }
    }
}
