package dev.vigil.monitor.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Alertmanager's dispatcher as a pure state machine driven by the caller's clock (no threads, not thread-safe).
 * {@link #put} routes an alert and adds it to one aggregation group per matched route (keyed by the route and its
 * group_by values); {@link #due} flushes every group whose timer expired and returns the notifications to send:
 * <ul>
 * <li>a new group waits group_wait (no wait when its alert started more than group_wait ago), later flushes come
 * every group_interval after the previous flush;</li>
 * <li>a flush notifies when there are firing alerts not in the last notification, when everything in the last
 * notification resolved, when (with send_resolved) alerts resolved since, or when more than repeat_interval passed
 * since the last notification (so with group_interval 5m and repeat_interval 1h an unchanged group repeats every
 * 1h05m, as in Alertmanager);</li>
 * <li>muted alerts (silences, inhibition) are left out before that decision, and a route inside a
 * mute_time_interval (or outside its active_time_intervals) sends nothing;</li>
 * <li>resolved alerts leave their group after each flush and an empty group is dropped, with its log.</li>
 * </ul>
 */
public final class NotificationScheduler {

    private final AlertmanagerConfig config;
    private final MuteCheck muteCheck;
    private final Predicate<String> sendResolved;
    private final Map<String, AggregationGroup> groups = new LinkedHashMap<>();

    /** No silences or inhibition, every receiver gets resolved notifications. */
    public NotificationScheduler(AlertmanagerConfig config) {
        this(config, MuteCheck.NONE, receiver -> true);
    }

    /**
     * @param sendResolved whether a receiver (by name) is sent resolved alerts; when false, a notification that would
     *                     carry only resolved alerts is not returned but still counts as sent
     */
    public NotificationScheduler(AlertmanagerConfig config, MuteCheck muteCheck, Predicate<String> sendResolved) {
        this.config = config;
        this.muteCheck = muteCheck;
        this.sendResolved = sendResolved;
    }

    /** Adds or updates (same fingerprint) an alert; a resolved alert for which no group exists is ignored. */
    public void put(Alert alert, Instant now) {
        for (Route route : config.route(alert.labels())) {
            Map<String, String> groupLabels = route.groupBy().select(alert.labels());
            String key = route.id() + ":" + render(groupLabels);
            AggregationGroup group = groups.get(key);
            if (group == null) {
                if (alert.isResolved(now)) {
                    continue;
                }
                group = new AggregationGroup(key, route, groupLabels, now);
                groups.put(key, group);
            }
            group.insert(alert, now);
        }
    }

    /** Flushes the groups whose timer expired at or before {@code now}; returns what to send, in group order. */
    public List<Notification> due(Instant now) {
        List<Alert> firingNow = firingAlerts(now);
        List<Notification> out = new ArrayList<>();
        Iterator<AggregationGroup> it = groups.values().iterator();
        while (it.hasNext()) {
            AggregationGroup group = it.next();
            if (group.nextFlush.isAfter(now)) {
                continue;
            }
            group.hasFlushed = true;
            group.nextFlush = now.plus(group.route.timing().groupInterval());
            List<Alert> snapshot = List.copyOf(group.alerts.values());
            List<Alert> resolvedAtFlush = snapshot.stream().filter(a -> a.isResolved(now)).toList();
            flush(group, snapshot, firingNow, now).ifPresent(out::add);
            group.removeResolved(resolvedAtFlush);
            if (group.alerts.isEmpty()) {
                it.remove();
            }
        }
        return out;
    }

    private Optional<Notification> flush(AggregationGroup group, List<Alert> snapshot, List<Alert> firingNow,
            Instant now) {
        if (config.isRouteMuted(group.route, now)) {
            return Optional.empty();
        }
        List<Alert> firing = new ArrayList<>();
        List<Alert> resolved = new ArrayList<>();
        for (Alert alert : snapshot) {
            if (muteCheck.isMuted(alert, firingNow, now)) {
                continue;
            }
            (alert.isResolved(now) ? resolved : firing).add(alert);
        }
        Set<String> firingIds = fingerprints(firing);
        Set<String> resolvedIds = fingerprints(resolved);
        boolean withResolved = sendResolved.test(group.route.receiver());
        if (!group.needsUpdate(firingIds, resolvedIds, withResolved, now)) {
            return Optional.empty();
        }
        group.lastNotified = new DedupStage.LogEntry(firingIds, resolvedIds, now);
        if (firing.isEmpty() && !withResolved) {
            return Optional.empty();
        }
        return Optional.of(new Notification(group.key, group.route, group.groupLabels, firing,
                withResolved ? resolved : List.of(), now));
    }

    /** The earliest instant at which {@link #due} has something to flush, if any group exists. */
    public Optional<Instant> nextDue() {
        return groups.values().stream().map(g -> g.nextFlush).min(Instant::compareTo);
    }

    /** How many aggregation groups are held (bounded: groups go away once their resolved alerts were flushed). */
    public int groupCount() {
        return groups.size();
    }

    /** Every distinct alert firing at {@code now} across all groups. */
    public List<Alert> firingAlerts(Instant now) {
        Map<String, Alert> out = new LinkedHashMap<>();
        for (AggregationGroup group : groups.values()) {
            for (Alert a : group.alerts.values()) {
                if (!a.isResolved(now)) {
                    out.putIfAbsent(a.fingerprint(), a);
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static Set<String> fingerprints(Collection<Alert> alerts) {
        Set<String> out = new LinkedHashSet<>();
        alerts.forEach(a -> out.add(a.fingerprint()));
        return out;
    }

    private static String render(Map<String, String> labels) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(labels).forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(k).append("=\"").append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        });
        return out.append('}').toString();
    }
}
