package dev.vigil.server.alerting;

import java.util.List;

/**
 * The component dependencies alerting groups alerts by (service provider interface: monitoring implements it over its
 * catalogue). Without an implementation, no alert is grouped under another.
 */
public interface ComponentTopology {

    /**
     * The components this one depends on, directly or through others, nearest first (empty for an unknown component).
     * Answered without a caller check: it runs on the notification path.
     */
    List<String> upstreamOf(String component);
}
