package dev.vigil.server.incident.internal.playbook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs of playbooks on incidents: a dry run (what each step would do), a real run in the background, resuming a failed
 * run (steps already done are not repeated), and the runs a new or graded incident starts by the playbooks' triggers.
 */
@Service
public class PlaybookRuns {

    private final PlaybookService playbooks;
    private final RunRecords records;
    private final PlaybookEngine engine;
    private final StepActions actions;
    private final IncidentStore store;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlaybookRuns(PlaybookService playbooks, RunRecords records, PlaybookEngine engine, StepActions actions, IncidentStore store,
            AuditLog audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.playbooks = playbooks;
        this.records = records;
        this.engine = engine;
        this.actions = actions;
        this.store = store;
        this.audit = audit;
        // its own transaction also when a committed incident change starts triggered runs
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public DryRunView dryRun(UUID incidentId, UUID playbookId) {
        IncidentRow incident = requireUpdatable(incidentId);
        PlaybookView playbook = playbooks.get(playbookId);
        PlaybookDefinition definition = PlaybookParser.parse(playbook.definition());
        RunContext context = PlaybookEngine.context(incident);
        Instant start = incident.startedAt() != null ? incident.startedAt() : incident.detectedAt();
        List<DryRunView.Step> steps = new ArrayList<>();
        for (PlaybookDefinition.Step step : definition.steps()) {
            String runs = "yes";
            if (step.when() != null) {
                boolean readsSteps = step.when().comparisons().stream().anyMatch(c -> c.path().startsWith("steps."));
                runs = readsSteps ? "depends" : step.when().holds(context) ? "yes" : "no";
            }
            steps.add(new DryRunView.Step(step.name(), step.type(), step.when() == null ? null : step.when().source(), runs,
                    actions.describe(step, context, start, clock.instant()), step.retries(), step.timeout().toSeconds() + "s"));
        }
        return new DryRunView(incidentId, playbookId, playbook.name(), playbook.version(), steps);
    }

    /** Queues a run of the playbook's current version by the caller and starts it in the background. */
    public RunView start(UUID incidentId, UUID playbookId, String trigger) {
        UUID runId = UUID.randomUUID();
        transactions.executeWithoutResult(s -> {
            IncidentRow incident = store.lockOpen(incidentId, "update");
            PlaybookView playbook = playbooks.get(playbookId);
            PlaybookDefinition definition = PlaybookParser.parse(playbook.definition());
            String who = store.caller();
            records.insert(runId, incidentId, playbookId, playbook.version(), trigger, who, definition.steps());
            store.note(incidentId, "playbook", who, "Playbook " + playbook.name() + " (v" + playbook.version() + ") started"
                    + (trigger.equals("manual") ? "" : " by its trigger (" + trigger + ")"));
            audit.record(AuditEntry.success("incident.playbook.run", "incident", incidentId, store.tenantId(incident.tenant()),
                    Map.of("run", runId.toString(), "playbook", playbook.name(), "version", playbook.version(), "trigger", trigger)));
        });
        engine.submit(runId);
        return records.get(runId);
    }

    /** Carries on a failed run from its first step not done. */
    public RunView resume(UUID incidentId, UUID runId) {
        RunView run = run(incidentId, runId);
        transactions.executeWithoutResult(s -> {
            IncidentRow incident = store.lockOpen(incidentId, "update");
            if (!records.move(runId, "failed", "queued")) {
                throw ProblemException.conflict("run-not-failed", "only a failed run can be resumed; this one is " + run.status());
            }
            store.note(incidentId, "playbook", store.caller(), "Playbook " + run.playbookName() + " resumed");
            audit.record(AuditEntry.success("incident.playbook.resume", "incident", incidentId, store.tenantId(incident.tenant()),
                    Map.of("run", runId.toString(), "playbook", run.playbookName())));
        });
        engine.submit(runId);
        return records.get(runId);
    }

    public List<RunView> runs(UUID incidentId) {
        store.read(incidentId);
        return records.ofIncident(incidentId);
    }

    public RunView run(UUID incidentId, UUID runId) {
        store.read(incidentId);
        RunView run = records.get(runId);
        if (!run.incident().equals(incidentId)) {
            throw ProblemException.notFound("playbook run", runId);
        }
        return run;
    }

    /**
     * Starts, as the current caller, each playbook whose trigger matches the incident and that its trigger has not
     * started on it before.
     */
    public List<RunView> startTriggered(UUID incidentId, String type, Integer level, String why) {
        List<RunView> started = new ArrayList<>();
        for (PlaybookView playbook : playbooks.list()) {
            if (playbook.trigger().matches(type, level) && !records.triggeredBefore(incidentId, playbook.id())) {
                started.add(start(incidentId, playbook.id(), why));
            }
        }
        return started;
    }

    private IncidentRow requireUpdatable(UUID incidentId) {
        IncidentRow incident = store.read(incidentId);
        List<String> allowed = store.tenants("update");
        if (allowed != null && !allowed.contains(incident.tenant())) {
            throw ProblemException.forbidden("forbidden", "missing permission incident:update for tenant " + incident.tenant());
        }
        return incident;
    }
}
