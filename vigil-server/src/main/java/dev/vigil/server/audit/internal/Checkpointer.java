package dev.vigil.server.audit.internal;

import java.io.IOException;

import dev.vigil.ledger.Ledger;
import dev.vigil.ledger.note.SignedCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Signs a checkpoint every vigil.audit.checkpoint-interval while records arrive, and on demand; publishes each. */
@Component
class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final Ledger ledger;
    private final CheckpointPublisher publisher;
    private long publishedSize = -1;

    Checkpointer(Ledger ledger, CheckpointPublisher publisher) {
        this.ledger = ledger;
        this.publisher = publisher;
    }

    @Scheduled(fixedDelayString = "${vigil.audit.checkpoint-interval:10s}", initialDelayString = "${vigil.audit.checkpoint-interval:10s}")
    void onSchedule() {
        long covered = ledger.latestCheckpoint().map(c -> c.checkpoint().treeSize()).orElse(0L);
        if (ledger.size() > covered || publishedSize < covered) {
            try {
                checkpointNow();
            } catch (IOException e) {
                log.error("cannot sign an audit checkpoint: {}", e.getMessage());
            }
        }
    }

    /**
     * A last checkpoint when the server stops, so that the next start can vouch for the records of the final interval
     * (without it a server stopped within the interval after its first records refused to start again).
     */
    @jakarta.annotation.PreDestroy
    void onShutdown() {
        long covered = ledger.latestCheckpoint().map(c -> c.checkpoint().treeSize()).orElse(0L);
        if (ledger.size() > covered) {
            try {
                checkpointNow();
            } catch (IOException e) {
                log.error("cannot sign the audit checkpoint at shutdown: {}", e.getMessage());
            }
        }
    }

    /** A checkpoint over every record stored now (the latest one if nothing arrived since), published. */
    synchronized SignedCheckpoint checkpointNow() throws IOException {
        SignedCheckpoint checkpoint = ledger.checkpoint();
        if (checkpoint.checkpoint().treeSize() > publishedSize && publisher.publish(checkpoint)) {
            publishedSize = checkpoint.checkpoint().treeSize();
        }
        return checkpoint;
    }
}
