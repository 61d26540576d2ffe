package dev.vigil.server.incident;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves incidents through their phases, refusing a move (409) whose requirements are unmet and naming them:
 * investigating needs a final level; recovered needs every recovery task done with evidence; retested needs a passing
 * last retest; closed needs a root cause, recovery evidence and a passing retest; reviewed needs the review and every
 * action item completed. A failed retest sends the case back to investigating. Every move is an audit record.
 */
@Service
public class IncidentLifecycle {

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final AuditLog audit;
    private final RetestRecords retests;
    private final ReviewService reviews;
    private final TaskService tasks;
    private final IncidentViews views;

    IncidentLifecycle(JdbcClient jdbc, IncidentStore store, AuditLog audit, RetestRecords retests, ReviewService reviews,
            TaskService tasks, IncidentViews views) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
        this.retests = retests;
        this.reviews = reviews;
        this.tasks = tasks;
        this.views = views;
    }

    @Transactional
    public IncidentView transition(UUID id, String to, String reason) {
        Phase target;
        try {
            target = Phase.parse(to);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-phase", e.getMessage());
        }
        if (reason != null && reason.length() > 2000) {
            throw ProblemException.badRequest("invalid-input", "reason must be at most 2000 characters");
        }
        IncidentRow incident = store.lock(id, target == Phase.CLOSED || target == Phase.REVIEWED ? "grade" : "update");
        Phase from = Phase.parse(incident.phase());
        if (from == target) {
            throw ProblemException.conflict("transition-refused", incident.ref() + " is already " + from.code());
        }
        if (!from.next().contains(target)) {
            throw ProblemException.conflict("transition-refused", "cannot go from " + from.code() + " to " + target.code()
                    + "; next: " + String.join(" or ", from.next().stream().map(Phase::code).toList()));
        }
        List<String> unmet = unmet(incident, target);
        if (!unmet.isEmpty()) {
            throw ProblemException.conflict("transition-refused", "cannot move " + incident.ref() + " to " + target.code() + ": "
                    + String.join("; ", unmet));
        }
        move(incident, from, target, reason == null || reason.isBlank() ? null : reason.strip(), store.caller());
        return views.of(store.read(id));
    }

    /**
     * Records a retest of the recovered systems. Retests follow recovery; a failed one sends the case back to
     * investigating at once.
     */
    @Transactional
    public IncidentView recordRetest(UUID id, boolean passed, String evidence) {
        IncidentRow incident = store.lock(id, "update");
        if (!incident.phase().equals(Phase.RECOVERED.code())) {
            throw ProblemException.conflict("retest-refused", "retests follow recovery: " + incident.ref() + " is " + incident.phase()
                    + ", not recovered");
        }
        TaskService.requireText("evidence", evidence, 20_000);
        String who = store.caller();
        UUID retest = retests.insert(id, passed, evidence.strip(), who, store.now());
        store.note(id, "retest", who, "Retest " + (passed ? "passed" : "failed") + ": " + evidence.strip());
        audit.record(AuditEntry.success("incident.retest", "incident", id, store.tenantId(incident.tenant()), TaskService.body(
                "retest", retest, "passed", passed, "evidence", evidence.strip())));
        if (!passed) {
            move(incident, Phase.RECOVERED, Phase.INVESTIGATING, "retest failed", who);
        }
        return views.of(store.read(id));
    }

    private List<String> unmet(IncidentRow incident, Phase target) {
        List<String> unmet = new ArrayList<>();
        switch (target) {
            case INVESTIGATING -> {
                if (incident.level() == null) {
                    unmet.add("needs a final level (grade the incident and set its level with a reason)");
                }
            }
            case RECOVERED -> unmet.addAll(recoveryGaps(incident.id()));
            case RETESTED -> retestGap(incident.id()).ifPresent(unmet::add);
            case CLOSED -> {
                if (reviews.review(incident.id()).isEmpty()) {
                    unmet.add("needs a root cause (write the review's root cause and category)");
                }
                unmet.addAll(recoveryGaps(incident.id()));
                retestGap(incident.id()).ifPresent(unmet::add);
            }
            case REVIEWED -> {
                if (reviews.review(incident.id()).map(r -> r.wentWell().isBlank() && r.wentBadly().isBlank()).orElse(true)) {
                    unmet.add("needs the post-incident review (root cause, and what went well or badly)");
                }
                reviews.actionItems(incident.id()).stream().filter(i -> i.status().equals("open"))
                        .forEach(i -> unmet.add("action item '" + i.title() + "' is open"));
            }
            default -> {
            }
        }
        return unmet;
    }

    private List<String> recoveryGaps(UUID id) {
        List<IncidentView.Task> recovery = tasks.list(id).stream().filter(t -> t.kind().equals("recovery")).toList();
        List<String> gaps = new ArrayList<>();
        if (recovery.stream().noneMatch(t -> t.status().equals("done") && t.evidence() != null)) {
            gaps.add("needs recovery evidence (a recovery task done with what was restored, from which backup or version)");
        }
        recovery.stream().filter(t -> t.status().equals("open")).forEach(t -> gaps.add("recovery task '" + t.title() + "' is open"));
        return gaps;
    }

    private Optional<String> retestGap(UUID id) {
        Optional<IncidentView.Retest> last = retests.latest(id);
        if (last.isEmpty()) {
            return Optional.of("needs a passing retest (record a retest with its evidence)");
        }
        return last.get().passed() ? Optional.empty() : Optional.of("the last retest failed; needs a passing retest");
    }

    private void move(IncidentRow incident, Phase from, Phase to, String reason, String who) {
        String column = to.code() + "_at";
        // the first time a phase is reached counts for the metrics; closure counts from the last one (reopen clears it)
        String stamp = to == Phase.CLOSED ? column + " = ?" : column + " = coalesce(" + column + ", ?)";
        String reopen = from == Phase.CLOSED ? ", closed_at = NULL" : "";
        Timestamp now = Timestamp.from(store.now());
        jdbc.sql("UPDATE incident SET phase = ?, " + stamp + reopen + ", updated_at = ? WHERE id = ?")
                .params(to.code(), now, now, incident.id()).update();
        store.note(incident.id(), "phase", who, "Phase " + from.code() + " → " + to.code() + (reason == null ? "" : ": " + reason));
        audit.record(AuditEntry.success("incident.transition", "incident", incident.id(), store.tenantId(incident.tenant()),
                TaskService.body("from", from.code(), "to", to.code(), "reason", reason)));
    }
}
