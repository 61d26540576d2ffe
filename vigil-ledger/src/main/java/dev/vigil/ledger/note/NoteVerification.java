package dev.vigil.ledger.note;

import java.util.List;

/**
 * Outcome of checking a signed note against trusted keys: valid iff at least one trusted key's signature verifies
 * and no trusted key's signature fails. Signatures by unknown (name, key ID) pairs are ignored.
 */
public record NoteVerification(List<NoteVerifierKey> verifiedBy, String problem) {

    static NoteVerification valid(List<NoteVerifierKey> verifiedBy) {
        return new NoteVerification(List.copyOf(verifiedBy), null);
    }

    static NoteVerification invalid(String problem) {
        return new NoteVerification(List.of(), problem);
    }

    public boolean isValid() {
        return problem == null;
    }
}
