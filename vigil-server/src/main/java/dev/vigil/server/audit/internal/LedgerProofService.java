package dev.vigil.server.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import dev.vigil.ledger.Ledger;
import dev.vigil.ledger.note.SignedCheckpoint;
import dev.vigil.server.audit.LedgerProofs;
import org.springframework.stereotype.Service;

@Service
class LedgerProofService implements LedgerProofs {

    private final Ledger ledger;

    LedgerProofService(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Optional<String> latestCheckpoint() {
        return ledger.latestCheckpoint().map(SignedCheckpoint::format);
    }

    @Override
    public long checkpointedSize() {
        return ledger.latestCheckpoint().map(c -> c.checkpoint().treeSize()).orElse(0L);
    }

    @Override
    public List<String> inclusionProof(long seq, long size) {
        try {
            return ledger.inclusionProof(seq, size).stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
