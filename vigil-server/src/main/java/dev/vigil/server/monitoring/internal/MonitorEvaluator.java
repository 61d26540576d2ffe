package dev.vigil.server.monitoring.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.parse.PromqlParser;
import dev.vigil.monitor.rules.Alert;
import dev.vigil.monitor.rules.AlertState;
import dev.vigil.monitor.rules.AlertingRule;
import dev.vigil.monitor.rules.ConditionThreshold;
import dev.vigil.monitor.rules.RuleEvaluationException;
import dev.vigil.monitor.rules.RuleTemplates;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertLabels;
import dev.vigil.server.monitoring.MonitorDefinition;
import dev.vigil.server.monitoring.MonitorService;
import dev.vigil.server.monitoring.MonitorService.LiveMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Evaluates every monitor in force on its interval with vigil-monitor's rule engine (Prometheus semantics for
 * {@code for} and {@code keep_firing_for}, plus the recovery expression), over the metric store. An alert that starts
 * firing is raised through {@link AlertIntake} (level, target, the value seen against the threshold, since when, and
 * the disposal plan); one that ends is resolved. Open alerts are remembered in {@code monitor_alert}, so alerts that
 * cleared while the server was down are resolved after a restart once the rule had time to fire again.
 */
@Component
class MonitorEvaluator {

    private static final Logger log = LoggerFactory.getLogger(MonitorEvaluator.class);
    private static final Duration DEDUP_WINDOW = Duration.ofDays(1);

    private final MonitorService monitors;
    private final MetricStore store;
    private final AlertIntake intake;
    private final JdbcClient jdbc;
    private final MonitorHealth health;
    private final Clock clock;
    private final LogSeriesSampler logSeries;
    private final Map<UUID, State> states = new ConcurrentHashMap<>();

    /** A monitor's rule with its alert state, from one version of the definition. */
    private static final class State {
        final LiveMonitor monitor;
        final int version;
        final AlertingRule rule;
        final long createdMs;
        long lastEvaluatedMs = -1;
        final Set<String> open;

        State(LiveMonitor monitor, AlertingRule rule, long createdMs, Set<String> open) {
            this.monitor = monitor;
            this.version = monitor.version();
            this.rule = rule;
            this.createdMs = createdMs;
            this.open = open;
        }
    }

    MonitorEvaluator(MonitorService monitors, MetricStore store, AlertIntake intake, JdbcClient jdbc, MonitorHealth health, Clock clock,
            LogSeriesSampler logSeries) {
        this.logSeries = logSeries;
        this.monitors = monitors;
        this.store = store;
        this.intake = intake;
        this.jdbc = jdbc;
        this.health = health;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 500, initialDelay = 2000)
    void evaluateDue() {
        long now = clock.millis();
        Map<UUID, Integer> live = monitors.liveVersions();
        Set<UUID> liveIds = live.keySet();
        for (Map.Entry<UUID, Integer> entry : live.entrySet()) {
            UUID id = entry.getKey();
            State state = states.get(id);
            if (state == null || state.version != entry.getValue()) {
                Optional<LiveMonitor> monitor;
                try {
                    monitor = monitors.live(id);
                } catch (RuntimeException e) {
                    health.record(id, Instant.ofEpochMilli(now), "cannot load the definition: " + e.getMessage(), 0);
                    continue;
                }
                if (monitor.isEmpty()) {
                    continue;
                }
                if (state != null) {
                    resolveAll(id, state.open, "monitor changed to version " + monitor.get().version());
                }
                state = new State(monitor.get(), rule(monitor.get().definition()), now, openOf(id));
                states.put(id, state);
            }
            if (state.lastEvaluatedMs < 0 || now - state.lastEvaluatedMs >= state.monitor.definition().intervalMs()) {
                state.lastEvaluatedMs = now;
                evaluate(state.monitor, state, now);
            }
        }
        for (UUID gone : Set.copyOf(states.keySet())) {
            if (!liveIds.contains(gone)) {
                resolveAll(gone, states.remove(gone).open, "monitor deleted");
                health.forget(gone);
                logSeries.forget(gone);
            }
        }
        for (UUID orphan : jdbc.sql("SELECT DISTINCT a.monitor_id FROM monitor_alert a JOIN monitor m ON m.id = a.monitor_id WHERE m.deleted")
                .query(UUID.class).list()) {
            resolveAll(orphan, openOf(orphan), "monitor deleted");
        }
    }

    private void evaluate(LiveMonitor monitor, State state, long now) {
        MonitorDefinition definition = monitor.definition();
        if (!definition.logs().isEmpty()) {
            try {
                logSeries.sample(monitor.id(), definition, now);
            } catch (RuntimeException e) {
                health.record(monitor.id(), Instant.ofEpochMilli(now), "log series: " + e.getMessage(), state.open.size());
                return;
            }
        }
        try {
            store.read(series -> state.rule.evaluate(new Evaluator(series, definition.intervalMs()), now));
        } catch (RuleEvaluationException e) {
            health.record(monitor.id(), Instant.ofEpochMilli(now), e.getMessage(), state.open.size());
            return;
        } catch (RuntimeException e) {
            log.warn("monitor {} failed to evaluate", definition.name(), e);
            health.record(monitor.id(), Instant.ofEpochMilli(now), e.getClass().getSimpleName() + ": " + e.getMessage(), state.open.size());
            return;
        }
        Set<String> firing = new HashSet<>();
        for (Alert alert : state.rule.activeAlerts()) {
            if (alert.state() != AlertState.FIRING) {
                continue;
            }
            String key = dedupKey(monitor.id(), alert.labels());
            firing.add(key);
            if (state.open.add(key)) {
                intake.raise(draft(monitor, alert, key, now));
                jdbc.sql("INSERT INTO monitor_alert (monitor_id, dedup_key, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(monitor.id(), key, Timestamp.from(Instant.ofEpochMilli(alert.activeAtMs()))).update();
            }
        }
        boolean settled = now - state.createdMs >= definition.forMs();
        for (String key : Set.copyOf(state.open)) {
            if (!firing.contains(key) && settled) {
                resolve(monitor.id(), key, "condition cleared");
                state.open.remove(key);
            }
        }
        health.record(monitor.id(), Instant.ofEpochMilli(now), null, firing.size());
    }

    private AlertDraft draft(LiveMonitor monitor, Alert alert, String key, long now) {
        MonitorDefinition d = monitor.definition();
        Map<String, String> entities = new LinkedHashMap<>();
        entities.put(d.target().kind(), d.target().name());
        entities.put("monitor.level", d.level().code());
        alert.labels().asMap().forEach((name, value) -> {
            if (!name.equals(AlertingRule.ALERT_NAME)) {
                entities.putIfAbsent(name, value);
            }
        });
        entities.putAll(d.receivers().route());
        if (!d.receivers().names().isEmpty()) {
            entities.put(AlertLabels.RECEIVERS_ENTITY, String.join(",", d.receivers().names()));
        }
        return new AlertDraft(d.tenant(), "monitor", monitor.id().toString(), d.name(), "", d.level().severity(), key, DEDUP_WINDOW,
                entities, List.of(), explanation(d, alert), Instant.ofEpochMilli(now), 1);
    }

    static String explanation(MonitorDefinition d, Alert alert) {
        String threshold = ConditionThreshold.of(PromqlParser.parse(d.condition())).map(t -> " (threshold " + t + ")").orElse("");
        Labels series = alert.labels().without(List.of(AlertingRule.ALERT_NAME));
        StringBuilder text = new StringBuilder();
        text.append(d.level().code()).append(" on ").append(d.target().kind()).append(' ').append(d.target().name())
                .append(": seen ").append(number(alert.value())).append(threshold)
                .append(series.size() == 0 ? "" : " for " + series)
                .append(", since ").append(Instant.ofEpochMilli(alert.activeAtMs())).append('.');
        for (String annotation : List.of("summary", "description")) {
            String value = alert.annotations().getOrDefault(annotation, "");
            if (!value.isBlank()) {
                text.append(' ').append(value.strip());
            }
        }
        text.append("\nDisposal plan:\n").append(d.disposal().asText());
        return text.toString();
    }

    private static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static AlertingRule rule(MonitorDefinition d) {
        return new AlertingRule(d.name(), PromqlParser.parse(d.condition()), d.recovery() == null ? null : PromqlParser.parse(d.recovery()),
                d.forMs(), d.keepFiringForMs(), d.labels(), d.annotations(), 0, RuleTemplates.none());
    }

    private static String dedupKey(UUID monitorId, Labels labels) {
        return "monitor:" + monitorId + ":" + labels;
    }

    private Set<String> openOf(UUID monitorId) {
        Set<String> open = ConcurrentHashMap.newKeySet();
        open.addAll(jdbc.sql("SELECT dedup_key FROM monitor_alert WHERE monitor_id = ?").param(monitorId).query(String.class).list());
        return open;
    }

    private void resolveAll(UUID monitorId, Set<String> open, String why) {
        for (String key : open) {
            resolve(monitorId, key, why);
        }
        open.clear();
    }

    private void resolve(UUID monitorId, String key, String why) {
        intake.resolveByKey(key, "monitor", why);
        jdbc.sql("DELETE FROM monitor_alert WHERE monitor_id = ? AND dedup_key = ?").params(monitorId, key).update();
    }
}
