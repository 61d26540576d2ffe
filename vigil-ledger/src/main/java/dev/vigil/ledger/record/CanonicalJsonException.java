package dev.vigil.ledger.record;

/** A value has no RFC 8785 canonical form (non-double number, unpaired surrogate, …); the message names where. */
public final class CanonicalJsonException extends IllegalArgumentException {

    public CanonicalJsonException(String message) {
        super(message);
    }
}
