package dev.vigil.server.audit.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.vigil.ledger.record.ActorKind;
import dev.vigil.ledger.record.AuditEvent;
import dev.vigil.ledger.record.ObjectRef;
import dev.vigil.ledger.record.Outcome;
import dev.vigil.ledger.record.References;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Translates the server's audit entries into ledger events (docs/AUDIT-FORMAT.md describes the encoding). */
final class LedgerEvents {

    /** The tenant field of records that concern no customer tenant. */
    static final String NO_TENANT = "platform";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LedgerEvents() {
    }

    static AuditEvent toEvent(AuditEntry entry, Actor actor, Instant time) {
        var ledgerActor = new dev.vigil.ledger.record.Actor(ActorKind.fromWireName(actor.kind()),
                actor.id().isEmpty() ? "-" : actor.id(), actor.name().isEmpty() ? "-" : actor.name());
        String tenant = entry.tenantId() == null ? NO_TENANT : entry.tenantId().toString();
        Map<String, String> refs = entry.refs();
        References references = new References(refs.get("approval"), refs.get("incident"), refs.get("change"), refs.get("session"));
        ObjectNode body = JSON.valueToTree(entry.body());
        return new AuditEvent(time, ledgerActor, actor.address().isEmpty() ? null : actor.address(), entry.action(),
                new ObjectRef(entry.objectType().isEmpty() ? "-" : entry.objectType(), entry.objectId().isEmpty() ? "-" : entry.objectId()),
                tenant, outcome(entry.outcome()), references, body);
    }

    static UUID tenantOf(AuditEvent event) {
        return event.tenant().equals(NO_TENANT) ? null : UUID.fromString(event.tenant());
    }

    private static Outcome outcome(AuditEntry.Outcome outcome) {
        return Outcome.fromWireName(outcome.code());
    }
}
