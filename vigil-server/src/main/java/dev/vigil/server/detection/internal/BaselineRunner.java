package dev.vigil.server.detection.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.detect.baseline.BaselineDetector;
import dev.vigil.detect.baseline.BaselineEvent;
import dev.vigil.detect.baseline.BaselineSnapshots;
import dev.vigil.detect.baseline.Finding;
import dev.vigil.events.Event;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.detection.BaselineDefinition;
import dev.vigil.server.detection.BaselinesChanged;
import dev.vigil.server.ingest.EventInspector;
import dev.vigil.server.platform.config.VigilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learned-baseline stage of the event path: each enabled definition's detector observes the events its
 * {@code match} selects and its findings become alerts. What the detectors learned is saved under
 * {@code <data-dir>/baselines} every few minutes and at shutdown, keyed by a hash of the definition, and restored at
 * start; a changed definition starts learning afresh.
 */
@Component
public class BaselineRunner implements EventInspector, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BaselineRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Running(BaselineDefinition definition, String hash, BaselineDetector detector) {
    }

    private final JdbcClient jdbc;
    private final AlertIntake intake;
    private final Path stateDir;
    private final Duration window;
    private volatile Map<String, Running> running = Map.of();
    private volatile boolean started;

    BaselineRunner(JdbcClient jdbc, AlertIntake intake, VigilProperties properties) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.stateDir = properties.resolvedDataDir().resolve("baselines");
        this.window = properties.detection().dedupWindow();
    }

    @Override
    public String name() {
        return "baselines";
    }

    @Override
    public void start() {
        reload();
        started = true;
    }

    @Override
    public void stop() {
        persist();
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        return 50;
    }

    /** Entities the named detector remembers now (0 when it is not running). */
    public int entities(String name) {
        Running detector = running.get(name);
        return detector == null ? 0 : detector.detector().entityCount();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(BaselinesChanged change) {
        reload();
    }

    /** Builds the detectors of the enabled definitions, keeping (or restoring) what unchanged ones learned. */
    public synchronized void reload() {
        persist();
        Map<String, Running> next = new LinkedHashMap<>();
        List<String> definitions = jdbc.sql("SELECT definition FROM detection_baseline WHERE enabled ORDER BY name")
                .query(String.class).list();
        for (String text : definitions) {
            BaselineDefinition definition = JSON.readValue(text, BaselineDefinition.class);
            String hash = sha256(text);
            Running current = running.get(definition.name());
            if (current != null && current.hash().equals(hash)) {
                next.put(definition.name(), current);
                continue;
            }
            try {
                BaselineDetector detector = definition.detector();
                restore(definition.name(), hash, detector);
                next.put(definition.name(), new Running(definition, hash, detector));
            } catch (RuntimeException e) {
                log.error("baseline {} cannot run: {}", definition.name(), e.getMessage());
            }
        }
        running = Map.copyOf(next);
    }

    @Scheduled(fixedDelay = 300_000, initialDelay = 300_000)
    public synchronized void persist() {
        for (Running detector : running.values()) {
            Path file = stateFile(detector.definition().name(), detector.hash());
            try {
                Files.createDirectories(stateDir);
                Path temp = file.resolveSibling(file.getFileName() + ".tmp");
                synchronized (detector.detector()) {
                    Files.write(temp, BaselineSnapshots.save(detector.detector()));
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                log.warn("cannot save the state of baseline {}: {}", detector.definition().name(), e.getMessage());
            }
        }
    }

    @Override
    public void inspect(List<Event> events) {
        Map<String, Running> current = running;
        if (current.isEmpty()) {
            return;
        }
        Map<String, AlertDraft> drafts = new LinkedHashMap<>();
        for (Event event : events) {
            BaselineEvent view = view(event);
            for (Running detector : current.values()) {
                if (!selects(detector.definition(), event)) {
                    continue;
                }
                List<Finding> findings;
                synchronized (detector.detector()) {
                    findings = detector.detector().observe(view);
                }
                for (Finding finding : findings) {
                    String key = "baseline:" + detector.definition().name() + ":" + event.tenant() + ":" + finding.entity() + ":"
                            + finding.seen();
                    drafts.putIfAbsent(key, draft(detector.definition(), finding, event, key));
                }
            }
        }
        drafts.values().forEach(intake::raise);
    }

    private AlertDraft draft(BaselineDefinition definition, Finding finding, Event event, String key) {
        Map<String, String> entities = new LinkedHashMap<>();
        entities.put("entity", finding.entity().replace(BaselineDefinition.TENANT_FIELD + "=" + event.tenant() + ",", "")
                .replace(BaselineDefinition.TENANT_FIELD + "=" + event.tenant(), ""));
        entities.put(finding.field(), finding.seen());
        return new AlertDraft(event.tenant(), "baseline", definition.name(), "Baseline deviation: " + definition.name(), "Vigil",
                definition.alertSeverity(), key, window, entities, List.of(event.id()), finding.explanation()
                + " (expected: " + finding.expected() + "; learned since " + finding.since() + ")", finding.time(), 1);
    }

    private static boolean selects(BaselineDefinition definition, Event event) {
        for (Map.Entry<String, String> condition : definition.match().entrySet()) {
            Object value = event.fields().get(condition.getKey());
            boolean holds = value instanceof List<?> list ? list.stream().anyMatch(v -> condition.getValue().equals(String.valueOf(v)))
                    : value != null && condition.getValue().equals(String.valueOf(value));
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static BaselineEvent view(Event event) {
        return new BaselineEvent() {
            @Override
            public Instant timestamp() {
                return event.timestamp();
            }

            @Override
            public String field(String name) {
                if (name.equals(BaselineDefinition.TENANT_FIELD)) {
                    return event.tenant();
                }
                Object value = event.fields().get(name);
                return value == null || value instanceof List<?> ? null : String.valueOf(value);
            }
        };
    }

    private void restore(String name, String hash, BaselineDetector detector) {
        Path file = stateFile(name, hash);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            BaselineSnapshots.restore(detector, Files.readAllBytes(file));
            log.info("baseline {}: restored {} entities from {}", name, detector.entityCount(), file);
        } catch (IOException e) {
            log.warn("baseline {}: saved state {} is unreadable ({}); learning afresh", name, file, e.getMessage());
        }
    }

    private Path stateFile(String name, String hash) {
        return stateDir.resolve(name + "-" + hash.substring(0, 16) + ".state");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Exposed for tests: the number of definitions running. */
    int runningCount() {
        return running.size();
    }

    /** Forgets what is in memory and reads the saved state again, as a restart does. */
    public synchronized void restartFromDisk() {
        persist();
        running = Map.of();
        reload();
    }
}
