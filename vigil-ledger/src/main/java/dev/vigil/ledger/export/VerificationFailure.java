package dev.vigil.ledger.export;

/** Ends a verification early with its result; internal control flow of the verifier. */
final class VerificationFailure extends Exception {

    private final VerificationResult result;

    private VerificationFailure(VerificationResult result) {
        super(null, null, false, false);
        this.result = result;
    }

    static VerificationFailure tampered(String problem) {
        return new VerificationFailure(new VerificationResult.Tampered(problem));
    }

    static VerificationFailure unreadable(String problem) {
        return new VerificationFailure(new VerificationResult.Unreadable(problem));
    }

    VerificationResult result() {
        return result;
    }
}
