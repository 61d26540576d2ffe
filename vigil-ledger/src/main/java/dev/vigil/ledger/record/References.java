package dev.vigil.ledger.record;

import java.util.Optional;

/** Identifiers of related workflow objects; each may be absent ({@code null}) but never empty. */
public record References(String approvalId, String incidentId, String changeRequestId, String sessionId) {

    public static final References NONE = new References(null, null, null, null);

    public References {
        Fields.requireAbsentOrNonEmpty(approvalId, "approval reference");
        Fields.requireAbsentOrNonEmpty(incidentId, "incident reference");
        Fields.requireAbsentOrNonEmpty(changeRequestId, "change request reference");
        Fields.requireAbsentOrNonEmpty(sessionId, "session reference");
    }

    public Optional<String> approval() {
        return Optional.ofNullable(approvalId);
    }

    public Optional<String> incident() {
        return Optional.ofNullable(incidentId);
    }

    public Optional<String> changeRequest() {
        return Optional.ofNullable(changeRequestId);
    }

    public Optional<String> session() {
        return Optional.ofNullable(sessionId);
    }
}
