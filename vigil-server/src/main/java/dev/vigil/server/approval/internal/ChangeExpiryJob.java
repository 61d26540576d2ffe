package dev.vigil.server.approval.internal;

import dev.vigil.server.approval.ChangeRequests;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes pending changes whose time ran out, so that a stale request can no longer be approved. */
@Component
class ChangeExpiryJob {

    private final ChangeRequests changes;

    ChangeExpiryJob(ChangeRequests changes) {
        this.changes = changes;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 30_000)
    void expire() {
        changes.expireDue();
    }
}
