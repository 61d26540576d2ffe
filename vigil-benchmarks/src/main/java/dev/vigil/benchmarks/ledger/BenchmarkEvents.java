package dev.vigil.benchmarks.ledger;

import dev.vigil.ledger.record.Actor;
import dev.vigil.ledger.record.ActorKind;
import dev.vigil.ledger.record.AuditEvent;
import dev.vigil.ledger.record.ObjectRef;
import dev.vigil.ledger.record.Outcome;
import dev.vigil.ledger.record.References;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/** A typical audit event (about 400 bytes canonical) and temp-directory housekeeping for the ledger benchmarks. */
final class BenchmarkEvents {

    private BenchmarkEvents() {
    }

    static AuditEvent event(long i) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("field", "threshold");
        body.put("before", 90);
        body.put("after", 95);
        body.put("comment", "raised after review of incident " + i);
        return new AuditEvent(Instant.ofEpochSecond(1_790_000_000L + i / 100, (i % 100) * 10_000_000L),
                new Actor(ActorKind.USER, "u-" + (i % 97), "Alice Example"), "192.0.2." + (i % 250),
                "monitor.update", new ObjectRef("monitor", "mon-" + (i % 5000)), "acme",
                Outcome.SUCCESS, new References("apr-" + i, null, null, null), body);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
