package dev.vigil.ledger.record;

import java.time.Instant;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Hand-made audit events for tests. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static AuditEvent event(int i) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("threshold", 90 + i);
        body.put("comment", "raised after incident #" + i);
        body.putArray("labels").add("prod").add("db");
        return new AuditEvent(Instant.parse("2026-11-29T03:00:00Z").plusMillis(i * 1_001L),
                new Actor(ActorKind.USER, "u-" + (i % 7), "Alice Example"),
                "192.0.2." + (i % 250),
                "monitor.update",
                new ObjectRef("monitor", "mon-" + i),
                "acme",
                i % 5 == 4 ? Outcome.DENIED : Outcome.SUCCESS,
                new References(i % 2 == 0 ? "apr-" + i : null, null, "cr-" + i, null),
                body);
    }
}
