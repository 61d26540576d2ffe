package dev.vigil.server.incident.internal.playbook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs playbooks on a small background pool, as the person who started them (their security context goes along).
 * Steps run in order; each step's outcome is recorded with an audit record and a timeline entry. A step that only
 * changes the database commits together with the record that it is done, so a resumed run never repeats it; a step
 * calling out (webhook, search) is retried with backoff up to its {@code retries}, a webhook with the same
 * idempotency key on every attempt.
 */
@Component
class PlaybookEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybookEngine.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    private final RunRecords records;
    private final PlaybookService playbooks;
    private final StepActions actions;
    private final ApprovalWait approvals;
    private final IncidentStore store;
    private final AuditLog audit;
    private final PlatformTransactionManager transactionManager;
    private final Clock clock;
    private final ExecutorService pool;

    PlaybookEngine(RunRecords records, PlaybookService playbooks, StepActions actions, IncidentStore store, AuditLog audit,
            PlatformTransactionManager transactionManager, Clock clock, ApprovalWait approvals) {
        this.approvals = approvals;
        this.records = records;
        this.playbooks = playbooks;
        this.actions = actions;
        this.store = store;
        this.audit = audit;
        this.transactionManager = transactionManager;
        this.clock = clock;
        // virtual threads: a run waiting for an approval holds no platform thread, and other runs go on
        this.pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("playbook-run-", 1).factory());
    }

    /** Starts the queued run in the background, as the current caller. */
    void submit(UUID runId) {
        pool.execute(new DelegatingSecurityContextRunnable(() -> execute(runId)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedRuns() {
        int interrupted = records.interruptAll("interrupted by a server restart; resume the run to carry on");
        if (interrupted > 0) {
            LOG.warn("{} playbook runs were interrupted by a restart and are marked failed (they can be resumed)", interrupted);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    void execute(UUID runId) {
        RunView run = records.get(runId);
        try {
            if (!records.move(runId, "queued", "running")) {
                return;
            }
            IncidentRow incident = store.read(run.incident());
            PlaybookDefinition definition = playbooks.definition(run.playbook(), run.playbookVersion());
            RunContext context = context(incident);
            Instant incidentStart = incident.startedAt() != null ? incident.startedAt() : incident.detectedAt();
            for (int i = 0; i < definition.steps().size(); i++) {
                PlaybookDefinition.Step step = definition.steps().get(i);
                RunView.StepRun before = run.steps().get(i);
                if (before.status().equals("succeeded")) {
                    context.record(step.name(), before.output());
                    continue;
                }
                if (before.status().equals("skipped")) {
                    continue;
                }
                String failure = runStep(run, incident, i, step, context, incidentStart);
                if (failure != null) {
                    finish(run, incident, "failed", "step " + step.name() + " failed: " + failure);
                    return;
                }
            }
            finish(run, incident, "succeeded", null);
        } catch (RuntimeException e) {
            LOG.warn("playbook run {} stopped: {}", runId, e.getMessage());
            records.finish(runId, "failed", "the run stopped: " + e.getMessage());
        }
    }

    /** Runs one step to its end; answers null when it succeeded or was skipped, else the last error. */
    private String runStep(RunView run, IncidentRow incident, int index, PlaybookDefinition.Step step, RunContext context,
            Instant incidentStart) {
        if (step.when() != null && !step.when().holds(context)) {
            transactions(step.timeout()).executeWithoutResult(s -> {
                records.stepFinished(run.id(), index, "skipped", false, Map.of(), null);
                recordStep(run, incident, step, "skipped", 0, Map.of("condition", step.when().source()), null);
            });
            return null;
        }
        records.stepStarted(run.id(), index);
        String key = run.id() + "." + step.name();
        String failure = null;
        for (int attempt = 1; attempt <= step.retries() + 1; attempt++) {
            if (attempt > 1 && !pause(backoff(attempt - 1))) {
                return "interrupted while waiting to retry";
            }
            int attempts = attempt;
            try {
                Map<String, Object> output;
                if (step.type().equals("approval")) {
                    Map<String, Object> done = approvals.await(run, incident, index, step, context);
                    output = transactions(step.timeout()).execute(s -> succeed(run, incident, index, step, attempts, done));
                } else if (StepActions.inDatabase(step)) {
                    output = transactions(step.timeout()).execute(s -> succeed(run, incident, index, step, attempts,
                            actions.perform(step, context, incident.id(), incidentStart, clock.instant(), key)));
                } else {
                    Map<String, Object> done = actions.perform(step, context, incident.id(), incidentStart, clock.instant(), key);
                    output = transactions(step.timeout()).execute(s -> succeed(run, incident, index, step, attempts, done));
                }
                context.record(step.name(), output);
                return null;
            } catch (RuntimeException e) {
                failure = message(e);
                if (attempt <= step.retries()) {
                    records.stepAttemptFailed(run.id(), index, failure);
                }
            }
        }
        String error = failure;
        int attempts = step.retries() + 1;
        transactions(step.timeout()).executeWithoutResult(s -> {
            records.stepFinished(run.id(), index, "failed", true, Map.of(), error);
            recordStep(run, incident, step, "failed", attempts, Map.of(), error);
        });
        return error;
    }

    private Map<String, Object> succeed(RunView run, IncidentRow incident, int index, PlaybookDefinition.Step step, int attempts,
            Map<String, Object> output) {
        records.stepFinished(run.id(), index, "succeeded", true, output, null);
        recordStep(run, incident, step, "succeeded", attempts, output, null);
        return output;
    }

    private void recordStep(RunView run, IncidentRow incident, PlaybookDefinition.Step step, String status, int attempts,
            Map<String, Object> output, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run", run.id().toString());
        body.put("playbook", run.playbookName());
        body.put("version", run.playbookVersion());
        body.put("step", step.name());
        body.put("type", step.type());
        body.put("status", status);
        body.put("attempts", attempts);
        body.put("output", output);
        if (error != null) {
            body.put("error", error);
        }
        AuditEntry entry = AuditEntry.success("incident.playbook.step", "incident", incident.id(), store.tenantId(incident.tenant()), body);
        audit.record(status.equals("failed") ? entry.withOutcome(AuditEntry.Outcome.FAILURE) : entry);
        store.note(incident.id(), "playbook", store.caller(), "Playbook " + run.playbookName() + ": step " + step.name() + " "
                + status + (error == null ? "" : " after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + error));
    }

    private void finish(RunView run, IncidentRow incident, String status, String error) {
        transactions(Duration.ofSeconds(30)).executeWithoutResult(s -> {
            records.finish(run.id(), status, error);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("run", run.id().toString());
            body.put("playbook", run.playbookName());
            body.put("status", status);
            if (error != null) {
                body.put("error", error);
            }
            AuditEntry entry = AuditEntry.success("incident.playbook.finish", "incident", incident.id(), store.tenantId(incident.tenant()), body);
            audit.record(status.equals("failed") ? entry.withOutcome(AuditEntry.Outcome.FAILURE) : entry);
            store.note(incident.id(), "playbook", store.caller(), "Playbook " + run.playbookName() + " (v" + run.playbookVersion() + ") "
                    + status + (error == null ? "" : ": " + error));
        });
    }

    static RunContext context(IncidentRow incident) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", incident.id().toString());
        fields.put("ref", incident.ref());
        fields.put("title", incident.title());
        fields.put("summary", incident.summary());
        fields.put("type", incident.type());
        fields.put("level", incident.level());
        fields.put("phase", incident.phase());
        fields.put("tenant", incident.tenant());
        return new RunContext(fields);
    }

    static Duration backoff(int retry) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(retry - 1, 16));
        return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String message(RuntimeException e) {
        String text = e instanceof ProblemException p ? p.getMessage() : e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
    }

    private TransactionTemplate transactions(Duration timeout) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setTimeout((int) Math.max(1, timeout.toSeconds()));
        return template;
    }
}
