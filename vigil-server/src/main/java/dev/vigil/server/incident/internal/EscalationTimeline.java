package dev.vigil.server.incident.internal;

import java.util.List;
import java.util.UUID;

import dev.vigil.server.alerting.EscalationPaged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Notes on an incident's timeline whom each escalation step of its SLA breach alerts and its playbooks' notifications
 * paged (and who could not be reached), in the step's transaction.
 */
@Component
class EscalationTimeline {

    private final IncidentStore store;

    EscalationTimeline(IncidentStore store) {
        this.store = store;
    }

    @EventListener
    void on(EscalationPaged paged) {
        String incident = paged.alert().entities().get("incident.id");
        if (incident == null || !List.of("incident", "playbook").contains(paged.alert().source())) {
            return;
        }
        StringBuilder text = new StringBuilder("Paged ");
        text.append(paged.paged().isEmpty() ? "nobody" : String.join(", ", paged.paged()));
        text.append(" (escalation ").append(paged.policy()).append(", step ").append(paged.step());
        if (paged.round() > 1) {
            text.append(", round ").append(paged.round());
        }
        text.append(") for: ").append(paged.alert().title());
        if (!paged.unreached().isEmpty()) {
            text.append("; not reached: ").append(String.join("; ", paged.unreached()));
        }
        store.note(UUID.fromString(incident), "escalation", SlaBreachJob.JOB, text.toString());
    }
}
