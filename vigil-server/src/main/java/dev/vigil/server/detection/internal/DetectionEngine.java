package dev.vigil.server.detection.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.detect.sigma.correlation.CorrelationMatch;
import dev.vigil.detect.sigma.engine.RuleMatch;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.events.Event;
import dev.vigil.server.detection.RulesChanged;
import dev.vigil.server.ingest.EventInspector;
import dev.vigil.server.platform.BackgroundRefresh;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The detect stage of the event path: every event goes once through the rule set of each log-source mapping; matches
 * of rules switched on for the event's tenant and not covered by an exception count as hits, feed the tenant's
 * correlations and become alerts. Rule changes compile a new snapshot off the event path and swap it in.
 */
@Component
public class DetectionEngine implements EventInspector, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DetectionEngine.class);

    private final SnapshotCompiler compiler;
    private final DetectionAlerts alerts;
    private final RuleHitCounter hits;
    private final Clock clock;
    private final Counter matched;
    private final Counter suppressed;
    private final BackgroundRefresh refresh = new BackgroundRefresh("detection-reload", this::reload);
    private volatile DetectionSnapshot snapshot = DetectionSnapshot.EMPTY;
    private volatile boolean running;

    DetectionEngine(SnapshotCompiler compiler, DetectionAlerts alerts, RuleHitCounter hits, Clock clock, MeterRegistry meters) {
        this.compiler = compiler;
        this.alerts = alerts;
        this.hits = hits;
        this.clock = clock;
        this.matched = meters.counter("vigil.detection.matches");
        this.suppressed = meters.counter("vigil.detection.suppressed");
        Gauge.builder("vigil.detection.rules.runnable", this, engine -> engine.snapshot.runnableRules()).register(meters);
    }

    @Override
    public String name() {
        return "detection";
    }

    /** Compiles before the event pipeline (phase 100) starts, so the first events already meet the rules. */
    @Override
    public void start() {
        reload();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        refresh.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 50;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(RulesChanged change) {
        refresh.request();
    }

    /** Compiles the stored rules now and swaps them in. */
    public synchronized void reload() {
        long start = System.nanoTime();
        DetectionSnapshot compiled = compiler.compile();
        snapshot = compiled;
        log.info("detection: {} rules runnable, {} with problems, compiled in {} ms", compiled.runnableRules(),
                compiled.problems().size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether the rule is compiled into the running rule set. */
    public boolean isRunnable(UUID ruleId) {
        return snapshot.isRunnable(ruleId);
    }

    /** Why stored rules cannot run (not covered by a mapping, unsupported construct), by rule id. */
    public Map<UUID, String> problems() {
        return snapshot.problems();
    }

    @Override
    public void inspect(List<Event> events) {
        DetectionSnapshot current = snapshot;
        if (current.ruleSets().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        DetectionAlerts.Batch batch = alerts.batch();
        for (Event event : events) {
            StoredEventView view = new StoredEventView(event);
            List<RuleMatch> live = null;
            for (RuleSet ruleSet : current.ruleSets()) {
                for (RuleMatch match : ruleSet.match(view)) {
                    ManagedRule rule = current.rule(match.rule());
                    if (rule == null || !rule.enabledFor(event.tenant())) {
                        continue;
                    }
                    if (current.exceptions().suppresses(rule.id(), event.tenant(), view, now)) {
                        suppressed.increment();
                        continue;
                    }
                    matched.increment();
                    hits.hit(rule.id(), event.timestamp());
                    if (rule.generates()) {
                        batch.ruleMatched(rule, match.rule(), view);
                    }
                    if (live == null) {
                        live = new ArrayList<>(2);
                    }
                    live.add(match);
                }
            }
            if (live != null && current.hasCorrelations()) {
                correlate(current, live, view, batch);
            }
        }
        batch.flush();
    }

    private void correlate(DetectionSnapshot current, List<RuleMatch> live, StoredEventView view, DetectionAlerts.Batch batch) {
        String tenant = view.event().tenant();
        long reference = EventReferences.sequence(view.event().id());
        for (CorrelationMatch fired : current.correlations(tenant).accept(live, view, view.event().timestamp(), reference)) {
            ManagedRule correlation = current.correlation(fired.correlation());
            if (correlation != null && correlation.enabledFor(tenant)) {
                hits.hit(correlation.id(), view.event().timestamp());
                batch.correlationFired(correlation, fired, view);
            }
        }
    }
}
