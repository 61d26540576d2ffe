package dev.vigil.monitor.routing;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Alertmanager configuration subset Vigil uses, validated: the routing tree, receivers by name, named time
 * intervals and the inhibit rules. Load it with {@link AlertmanagerConfigLoader}.
 */
public record AlertmanagerConfig(RoutingTree routingTree, Map<String, Receiver> receivers,
        Map<String, TimeInterval> timeIntervals, Inhibitor inhibitor) {

    public AlertmanagerConfig {
        receivers = Collections.unmodifiableMap(new LinkedHashMap<>(receivers));
        timeIntervals = Collections.unmodifiableMap(new LinkedHashMap<>(timeIntervals));
    }

    /** The routes an alert goes to, in order (see {@link RoutingTree#route}). */
    public List<Route> route(Map<String, String> labels) {
        return routingTree.route(labels);
    }

    /** Whether the named time interval is active; throws IllegalArgumentException for an unknown name. */
    public boolean isActive(String timeInterval, Instant now) {
        TimeInterval interval = timeIntervals.get(timeInterval);
        if (interval == null) {
            throw new IllegalArgumentException("unknown time interval \"" + timeInterval + "\"");
        }
        return interval.isActive(now);
    }

    /**
     * Whether notifications of this route are held back at {@code now}: one of its mute_time_intervals is active, or it
     * has active_time_intervals and none of them is active.
     */
    public boolean isRouteMuted(Route route, Instant now) {
        if (route.muteTimeIntervals().stream().anyMatch(name -> isActive(name, now))) {
            return true;
        }
        return !route.activeTimeIntervals().isEmpty()
                && route.activeTimeIntervals().stream().noneMatch(name -> isActive(name, now));
    }
}
