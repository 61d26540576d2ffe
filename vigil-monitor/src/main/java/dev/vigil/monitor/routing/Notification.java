package dev.vigil.monitor.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One notification to send: an aggregation group's current alerts for one route's receiver. */
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
