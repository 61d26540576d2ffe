package dev.vigil.server.audit.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.vigil.ledger.Ledger;
import dev.vigil.ledger.export.LedgerVerifier;
import dev.vigil.ledger.export.VerificationResult;
import dev.vigil.server.platform.config.StartupRefusedException;
import dev.vigil.server.platform.config.VigilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * At start, verifies the whole ledger store as {@code vigil audit verify} would — every record against its leaf hash
 * and the signed checkpoints, and against the last checkpoint published outside the data folder when there is one —
 * and refuses to start when anything was edited, removed, reordered, forged or rolled back.
 */
@Component
class PublishedCheckpointCheck implements InitializingBean {

    private static final String ACTION = "Vigil refuses to run on a ledger it cannot vouch for. Investigate with "
            + "`vigil audit verify <data-dir>/ledger --trusted-checkpoint <published checkpoint>`, then restore the data "
            + "folder from a backup (`vigil restore`).";
    private static final Logger log = LoggerFactory.getLogger(PublishedCheckpointCheck.class);

    private final Ledger ledger;
    private final CheckpointPublisher publisher;
    private final Path directory;

    PublishedCheckpointCheck(Ledger ledger, CheckpointPublisher publisher, VigilProperties properties) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.directory = properties.resolvedDataDir().resolve(LedgerConfiguration.DIRECTORY);
    }

    @Override
    public void afterPropertiesSet() {
        if (ledger.size() == 0 && ledger.checkpoints().isEmpty()) {
            return;
        }
        long covered = ledger.latestCheckpoint().map(c -> c.checkpoint().treeSize()).orElse(0L);
        if (ledger.size() > covered) {
            // An unclean stop (kill, power loss) within a checkpoint interval leaves durable records that no checkpoint
            // covers yet. Sign them now: anything edited in the covered part still fails the verification below.
            log.warn("audit ledger: {} record(s) after the last checkpoint (size {}), left by an unclean stop; signing a checkpoint",
                    ledger.size() - covered, covered);
            try {
                ledger.checkpoint();
            } catch (java.io.IOException e) {
                throw new StartupRefusedException("cannot sign a checkpoint over the audit ledger in " + directory + ": "
                        + e.getMessage(), ACTION);
            }
        }
        Path published = publisher.directory().map(dir -> dir.resolve(CheckpointPublisher.LATEST))
                .filter(Files::isRegularFile).orElse(null);
        VerificationResult result = new LedgerVerifier(directory, null, published).verify();
        switch (result) {
            case VerificationResult.Verified ok -> log.info("audit ledger verified: {} records, root {}{}", ok.size(),
                    ok.rootBase64(), published == null ? " (no published checkpoint to compare with)" : ", matches " + published);
            case VerificationResult.Tampered tampered -> throw new StartupRefusedException(
                    "audit ledger tampering detected in " + directory + ": " + tampered.problem(), ACTION);
            case VerificationResult.Unreadable unreadable -> throw new StartupRefusedException(
                    "the audit ledger in " + directory + " cannot be verified: " + unreadable.problem(), ACTION);
        }
    }
}
