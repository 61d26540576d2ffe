package dev.vigil.server.incident.internal.playbook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.approval.ApprovalPolicy;
import dev.vigil.server.approval.ChangeDraft;
import dev.vigil.server.approval.ChangeKind;
import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code approval} step: asks for an approval through the approval mechanism (change kind {@value #KIND}, one
 * holder of {@code change:approve} other than the person running the playbook) and waits for the decision in the
 * run's own (virtual) thread. Approved, the step succeeds and the run goes on; rejected or withdrawn, the step fails,
 * and so it does when no decision came within the step's {@code wait} (the run then withdraws the request). The
 * change's subject is the run and step, so a resumed run waits for the request it made before (or takes its approval)
 * instead of asking again.
 */
@Component
class ApprovalWait implements ChangeKind {

    static final String KIND = "playbook.step";
    static final Duration DEFAULT_WAIT = Duration.ofHours(1);
    static final Duration LONGEST_WAIT = Duration.ofDays(7);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration EXPIRY_GRACE = Duration.ofMinutes(1);

    private final ChangeRequests changes;
    private final IncidentStore store;
    private final RunRecords records;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ApprovalWait(@Lazy ChangeRequests changes, IncidentStore store, RunRecords records, TransactionTemplate transactions, Clock clock) {
        this.changes = changes;
        this.store = store;
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ApprovalPolicy policy(ChangeDraft draft) {
        // the request outlives the wait a little, so the waiting run can withdraw it (an expired one cannot be withdrawn)
        return ApprovalPolicy.oneApprover(Duration.ofSeconds(((Number) draft.payload().get("waitSeconds")).longValue()).plus(EXPIRY_GRACE));
    }

    /** The approval that decides it: the run must still be waiting for it. */
    @Override
    public Map<String, Object> apply(ChangeView change) {
        UUID run = UUID.fromString(String.valueOf(change.payload().get("run")));
        if (!records.get(run).status().equals("running")) {
            throw ProblemException.conflict("run-not-waiting", "playbook run " + run + " no longer waits for this approval (it is "
                    + records.get(run).status() + "); resume it to ask again");
        }
        return Map.of("approved", true);
    }

    static Duration waitOf(PlaybookDefinition.Step step) {
        return step.text("wait") == null ? DEFAULT_WAIT : PlaybookParser.span(step.text("wait"), "wait");
    }

    /** Asks (unless the run asked before) and waits; the output names the change and who approved it. */
    Map<String, Object> await(RunView run, IncidentRow incident, int index, PlaybookDefinition.Step step, RunContext context) {
        String subject = run.id() + "." + step.name();
        Duration wait = waitOf(step);
        ChangeView change = earlier(subject).orElseGet(() -> ask(run, incident, step, context, subject, wait));
        transactions.executeWithoutResult(s -> {
            records.stepWaiting(run.id(), index, Map.of("change", change.id().toString()));
            store.note(incident.id(), "playbook", store.caller(), "Playbook " + run.playbookName() + ": step " + step.name()
                    + " waits for approval (change " + change.id() + ")");
        });
        Instant deadline = change.createdAt().plus(wait);
        ChangeView current = change;
        while (current.pending()) {
            if (!clock.instant().isBefore(deadline)) {
                String outcome = "; the request was withdrawn";
                try {
                    changes.withdraw(current.id(), "no decision in time");
                } catch (ProblemException e) {
                    outcome = "; the request expired";
                }
                throw new IllegalStateException("no decision on change " + current.id() + " within " + step.text("wait") + outcome);
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for approval of change " + current.id());
            }
            current = changes.get(current.id());
        }
        if (!current.state().equals("applied")) {
            String why = current.decisions().stream().filter(d -> d.decision().equals("reject")).map(d -> ": " + d.comment())
                    .findFirst().orElse("");
            throw new IllegalStateException("change " + current.id() + " was " + current.state()
                    + (current.closedBy() == null ? "" : " by " + current.closedBy()) + why);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("change", current.id().toString());
        output.put("approver", current.closedBy());
        return output;
    }

    /** The request this run made for the step before (pending or approved), if any. */
    private Optional<ChangeView> earlier(String subject) {
        List<ChangeView> asked = changes.list(null, KIND, subject, false);
        return asked.stream().filter(c -> c.pending() || c.state().equals("applied")).findFirst();
    }

    private ChangeView ask(RunView run, IncidentRow incident, PlaybookDefinition.Step step, RunContext context, String subject,
            Duration wait) {
        String title = context.render(step.text("title"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("run", run.id().toString());
        payload.put("incident", incident.id().toString());
        payload.put("incidentRef", incident.ref());
        payload.put("playbook", run.playbookName());
        payload.put("step", step.name());
        payload.put("waitSeconds", wait.toSeconds());
        String reason = step.text("reason") == null ? "Playbook " + run.playbookName() + " on " + incident.ref() + " needs approval to go on"
                : context.render(step.text("reason"));
        return transactions.execute(s -> changes.submit(new ChangeDraft(KIND, subject, title, payload,
                "Playbook " + run.playbookName() + " (v" + run.playbookVersion() + "), step " + step.name() + ", on incident "
                        + incident.ref() + " " + incident.title() + ":\n" + title, reason, store.tenantId(incident.tenant()), false)));
    }
}
