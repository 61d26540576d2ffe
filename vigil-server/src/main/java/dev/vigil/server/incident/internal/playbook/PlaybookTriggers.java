package dev.vigil.server.incident.internal.playbook;

import dev.vigil.server.incident.IncidentChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Starts the playbooks whose trigger matches an incident a person opened or graded, once that change is committed. */
@Component
class PlaybookTriggers {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybookTriggers.class);

    private final PlaybookRuns runs;

    PlaybookTriggers(PlaybookRuns runs) {
        this.runs = runs;
    }

    @TransactionalEventListener
    void on(IncidentChanged change) {
        try {
            runs.startTriggered(change.incidentId(), change.type(), change.level(), change.what());
        } catch (RuntimeException e) {
            // the incident change is committed and answered; a run that cannot start is logged, not turned into an error
            LOG.warn("triggered playbooks for incident {} did not start: {}", change.incidentId(), e.getMessage());
        }
    }
}
