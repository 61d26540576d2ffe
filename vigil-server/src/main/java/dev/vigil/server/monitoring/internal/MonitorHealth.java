package dev.vigil.server.monitoring.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.server.monitoring.MonitorView.MonitorStatus;
import org.springframework.stereotype.Component;

/** The outcome of each monitor's last evaluation, kept in memory for the API and console. */
@Component
public class MonitorHealth {

    private static final MonitorStatus NEVER = new MonitorStatus(null, null, 0);
    private final Map<UUID, MonitorStatus> statuses = new ConcurrentHashMap<>();

    public MonitorStatus of(UUID monitorId) {
        return statuses.getOrDefault(monitorId, NEVER);
    }

    void record(UUID monitorId, Instant at, String error, int firing) {
        statuses.put(monitorId, new MonitorStatus(at, error, firing));
    }

    void forget(UUID monitorId) {
        statuses.remove(monitorId);
    }
}
