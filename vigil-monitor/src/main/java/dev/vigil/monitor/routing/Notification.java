package dev.vigil.monitor.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One notification to send: an aggregation group's current alerts for one route's receiver. {@code groupKey} is
 * {@code <route id>:{name="value",...}} (the route's position in the tree and the sorted group_by values); it is stable
 * across restarts of the same configuration, so the server can use it to thread notifications.
 */
public record Notification(String groupKey, Route route, Map<String, String> groupLabels, List<Alert> firing,
        List<Alert> resolved, Instant at) {

    public Notification {
        groupLabels = Map.copyOf(groupLabels);
        firing = List.copyOf(firing);
        resolved = List.copyOf(resolved);
    }

    public String receiver() {
        return route.receiver();
    }
}
