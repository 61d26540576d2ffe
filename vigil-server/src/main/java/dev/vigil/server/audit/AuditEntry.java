package dev.vigil.server.audit;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One operation to record. The body holds the details (before/after for changes) and never a secret.
 *
 * @param actor      who; null means "the current caller" (resolved from the request or job context)
 * @param action     dotted verb, e.g. {@code user.create}, {@code auth.login}
 * @param objectType type of the object acted on, e.g. {@code user}
 * @param objectId   its id
 * @param tenantId   the tenant whose data or assets it concerns, or null
 * @param outcome    success, failure or denied
 * @param refs       references: approval, incident, change, session ids
 * @param body       details
 */
public record AuditEntry(Actor actor, String action, String objectType, String objectId, UUID tenantId, Outcome outcome,
        Map<String, String> refs, Map<String, Object> body) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        objectType = objectType == null ? "" : objectType;
        objectId = objectId == null ? "" : objectId;
        refs = refs == null ? Map.of() : Map.copyOf(refs);
        body = body == null ? Map.of() : body;
    }

    public static AuditEntry success(String action, String objectType, Object objectId, UUID tenantId, Map<String, Object> body) {
        return new AuditEntry(null, action, objectType, String.valueOf(objectId), tenantId, Outcome.SUCCESS, Map.of(), body);
    }

    public AuditEntry by(Actor who) {
        return new AuditEntry(who, action, objectType, objectId, tenantId, outcome, refs, body);
    }

    public AuditEntry withOutcome(Outcome newOutcome) {
        return new AuditEntry(actor, action, objectType, objectId, tenantId, newOutcome, refs, body);
    }

    /** How an operation ended. */
    public enum Outcome {
        SUCCESS("success"), FAILURE("failure"), DENIED("denied");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Outcome of(String code) {
            for (Outcome outcome : values()) {
                if (outcome.code.equals(code)) {
                    return outcome;
                }
            }
            throw new IllegalArgumentException("unknown outcome " + code);
        }
    }
}
