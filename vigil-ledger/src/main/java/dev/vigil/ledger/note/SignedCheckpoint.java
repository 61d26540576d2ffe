package dev.vigil.ledger.note;

import java.util.Collection;

/**
 * A checkpoint together with the signed note that carries it. {@link #open} is the only way to obtain a checkpoint
 * from untrusted bytes, and it returns one only when a trusted key signed it and no trusted key's signature fails.
 */
public record SignedCheckpoint(Checkpoint checkpoint, SignedNote note) {

    public static SignedCheckpoint sign(Checkpoint checkpoint, NoteSigner signer) {
        if (!checkpoint.origin().equals(signer.name())) {
            throw new IllegalArgumentException("the signing key name " + signer.name()
                    + " must equal the checkpoint origin " + checkpoint.origin());
        }
        return new SignedCheckpoint(checkpoint, SignedNote.sign(checkpoint.toText(), signer));
    }

    /** Parses and verifies a signed checkpoint; throws with the reason when it is malformed or not validly signed. */
    public static SignedCheckpoint open(byte[] noteBytes, Collection<NoteVerifierKey> trusted)
            throws NoteFormatException, CheckpointSignatureException {
        SignedNote note = SignedNote.parse(noteBytes);
        NoteVerification verification = note.verify(trusted);
        if (!verification.isValid()) {
            throw new CheckpointSignatureException(verification.problem());
        }
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        boolean originSigned = verification.verifiedBy().stream().anyMatch(k -> k.name().equals(checkpoint.origin()));
        if (!originSigned) {
            throw new CheckpointSignatureException("checkpoint origin " + checkpoint.origin()
                    + " is not signed by a trusted key of that name");
        }
        return new SignedCheckpoint(checkpoint, note);
    }

    public String format() {
        return note.format();
    }
}
