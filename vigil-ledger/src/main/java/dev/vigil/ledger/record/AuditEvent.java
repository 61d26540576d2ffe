package dev.vigil.ledger.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What happened, before the ledger assigns it a sequence number. {@code time} is kept to the microsecond (the
 * precision of the canonical encoding); {@code sourceAddress} may be absent (system jobs). The body is an opaque JSON
 * object of details that the ledger never interprets; it is copied in and out so the event stays immutable, and two
 * bodies are equal when their canonical (RFC 8785) forms are.
 */
public final class AuditEvent {

    private final Instant time;
    private final Actor actor;
    private final String sourceAddress;
    private final String action;
    private final ObjectRef object;
    private final String tenant;
    private final Outcome outcome;
    private final References references;
    private final ObjectNode body;
    private final byte[] canonicalBody;

    public AuditEvent(Instant time, Actor actor, String sourceAddress, String action, ObjectRef object, String tenant,
            Outcome outcome, References references, ObjectNode body) {
        this.time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MICROS);
        this.actor = Objects.requireNonNull(actor, "actor");
        Fields.requireAbsentOrNonEmpty(sourceAddress, "source address");
        this.sourceAddress = sourceAddress;
        Fields.requireNonEmpty(action, "action");
        this.action = action;
        this.object = Objects.requireNonNull(object, "object");
        Fields.requireNonEmpty(tenant, "tenant");
        this.tenant = tenant;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.references = Objects.requireNonNull(references, "references");
        this.body = body == null ? JsonNodeFactory.instance.objectNode() : body.deepCopy();
        // Fails early, with the path of the offending value, when the body has no canonical form.
        this.canonicalBody = CanonicalJson.encode(this.body);
    }

    public Instant time() {
        return time;
    }

    public Actor actor() {
        return actor;
    }

    public Optional<String> sourceAddress() {
        return Optional.ofNullable(sourceAddress);
    }

    public String action() {
        return action;
    }

    public ObjectRef object() {
        return object;
    }

    public String tenant() {
        return tenant;
    }

    public Outcome outcome() {
        return outcome;
    }

    public References references() {
        return references;
    }

    /** A copy of the details object. */
    public ObjectNode body() {
        return body.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditEvent e && time.equals(e.time) && actor.equals(e.actor)
                && Objects.equals(sourceAddress, e.sourceAddress) && action.equals(e.action)
                && object.equals(e.object) && tenant.equals(e.tenant) && outcome == e.outcome
                && references.equals(e.references) && Arrays.equals(canonicalBody, e.canonicalBody);
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, actor, sourceAddress, action, object, tenant, outcome, references)
                + 31 * Arrays.hashCode(canonicalBody);
    }

    @Override
    public String toString() {
        return "AuditEvent[" + time + " " + actor.kind().wireName() + ":" + actor.id() + " " + action + " "
                + object.type() + ":" + object.id() + " " + outcome.wireName() + "]";
    }
}
