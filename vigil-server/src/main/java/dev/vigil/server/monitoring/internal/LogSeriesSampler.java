package dev.vigil.server.monitoring.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.server.ingest.EventCounter;
import dev.vigil.server.monitoring.MonitorDefinition;
import dev.vigil.server.monitoring.MonitorDefinition.LogSeries;
import org.springframework.stereotype.Component;

/**
 * Turns a monitor's log series into samples just before it is evaluated: for each, the number of stored events of the
 * monitor's tenant matching its query in the last window, stored as {@code vigil_log_matches{monitor, log[, by]}} in
 * the metric store, so conditions, {@code for}, recovery and ratios work as for any metric. A group (a value of
 * {@code by}) that no longer has matching events gets a staleness marker, so it stops matching at once.
 */
@Component
class LogSeriesSampler {

    static final int MAX_GROUPS = 200;

    private final EventCounter counter;
    private final MetricStore store;
    /** Per monitor, the series written at its last sampling (to end those that disappear). */
    private final Map<UUID, Set<Labels>> written = new ConcurrentHashMap<>();

    LogSeriesSampler(EventCounter counter, MetricStore store) {
        this.counter = counter;
        this.store = store;
    }

    void sample(UUID monitorId, MonitorDefinition definition, long nowMs) {
        Instant now = Instant.ofEpochMilli(nowMs);
        List<MetricStore.Append> samples = new ArrayList<>();
        Set<Labels> current = new HashSet<>();
        for (LogSeries log : definition.logs()) {
            Map<String, Long> counts = counter.count(definition.tenant(), log.query(), now.minusMillis(log.windowMs()), now.plusMillis(1),
                    log.by(), MAX_GROUPS);
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                Labels labels = labels(definition.name(), log, count.getKey());
                current.add(labels);
                samples.add(new MetricStore.Append(labels, new Point(nowMs, count.getValue(), false)));
            }
        }
        for (Labels gone : written.getOrDefault(monitorId, Set.of())) {
            if (!current.contains(gone)) {
                samples.add(new MetricStore.Append(gone, new Point(nowMs, Double.NaN, true)));
            }
        }
        written.put(monitorId, current);
        store.append(samples);
    }

    void forget(UUID monitorId) {
        written.remove(monitorId);
    }

    static Labels labels(String monitor, LogSeries log, String group) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.METRIC_NAME, MonitorDefinition.LOG_METRIC);
        labels.put("monitor", monitor);
        labels.put("log", log.name());
        if (log.by() != null) {
            labels.put(log.by().replaceAll("[^A-Za-z0-9_]", "_"), group);
        }
        return Labels.of(labels);
    }
}
