package dev.vigil.server.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.ingest.internal.EventAcceptor;
import dev.vigil.server.ingest.internal.InputRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events Vigil itself produces (the bastion's operator commands) go through the same door as received ones: the
 * spool, then parsing, enrichment, detection and the store. Each producer has its own input (JSON format, the
 * provider's tenant), created on first use, so its events are searchable by {@code input} and counted like any other.
 */
@Service
public class OwnEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final InputRows rows;
    private final EventAcceptor acceptor;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    OwnEvents(JdbcClient jdbc, InputRows rows, EventAcceptor acceptor, AuditLog audit, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.acceptor = acceptor;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Appends the documents (JSON objects in the common schema) as events of {@code inputName}; returns once durable. */
    public int accept(String inputName, String description, List<Map<String, Object>> documents) {
        InputView input = rows.byName(inputName).orElseGet(() -> create(inputName, description));
        List<byte[]> payloads = documents.stream().map(JSON::writeValueAsBytes).toList();
        return acceptor.accept(input, payloads, "127.0.0.1");
    }

    private InputView create(String name, String description) {
        return transactions.execute(status -> {
            UUID id = UUID.randomUUID();
            int created = jdbc.sql("""
                    INSERT INTO ingest_input (id, name, type, format, tenant, description, created_by)
                    VALUES (?, ?, 'http', 'json', ?, ?, 'system') ON CONFLICT (name) DO NOTHING""")
                    .params(id, name, InputService.PLATFORM_TENANT, description).update();
            if (created == 1) {
                jdbc.sql("INSERT INTO ingest_input_stats (input_id) VALUES (?)").param(id).update();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", name);
                body.put("type", "http");
                body.put("format", "json");
                body.put("tenant", InputService.PLATFORM_TENANT);
                audit.record(AuditEntry.success("input.create", "input", id, null, body).by(Actor.systemJob("own-events")));
            }
            return rows.byName(name).orElseThrow();
        });
    }
}
