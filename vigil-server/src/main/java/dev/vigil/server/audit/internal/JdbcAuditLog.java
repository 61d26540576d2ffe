package dev.vigil.server.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.ActorResolver;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.audit.AuditQuery;
import dev.vigil.server.audit.AuditRecord;
import dev.vigil.server.audit.AuditSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores operation records in the append-only {@code audit_record} table (the ledger will sit behind this). */
@Service
class JdbcAuditLog implements AuditLog, AuditSearch {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ActorResolver actors;
    private final TransactionTemplate required;
    private final TransactionTemplate independent;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, ActorResolver actors, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.clock = clock;
        this.required = new TransactionTemplate(transactions);
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public long record(AuditEntry entry) {
        return required.execute(status -> insert(entry));
    }

    @Override
    public long recordIndependently(AuditEntry entry) {
        return independent.execute(status -> insert(entry));
    }

    private long insert(AuditEntry entry) {
        Actor actor = entry.actor() != null ? entry.actor()
                : actors.currentActor().orElseGet(() -> Actor.anonymous(RequestAddress.current()));
        return jdbc.sql("""
                INSERT INTO audit_record (recorded_at, actor_kind, actor_id, actor_name, source_addr, action,
                                          object_type, object_id, tenant_id, outcome, refs, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                RETURNING seq""")
                .params(Timestamp.from(Instant.now(clock)), actor.kind(), actor.id(), actor.name(), actor.address(),
                        entry.action(), entry.objectType(), entry.objectId(), entry.tenantId(), entry.outcome().code(),
                        json.writeValueAsString(entry.refs()), json.writeValueAsString(entry.body()))
                .query(Long.class)
                .single();
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_record WHERE true");
        List<Object> params = new ArrayList<>();
        if (query.actor() != null) {
            sql.append(" AND (actor_id = ? OR actor_name = ?)");
            params.add(query.actor());
            params.add(query.actor());
        }
        condition(sql, params, "action", query.action());
        condition(sql, params, "object_type", query.objectType());
        condition(sql, params, "object_id", query.objectId());
        condition(sql, params, "tenant_id", query.tenantId());
        condition(sql, params, "outcome", query.outcome());
        if (query.from() != null) {
            sql.append(" AND recorded_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND recorded_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        if (query.afterSeq() != null) {
            sql.append(" AND seq > ?");
            params.add(query.afterSeq());
        }
        sql.append(" ORDER BY seq LIMIT ?");
        params.add(query.limit());
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AuditRecord(
                rs.getLong("seq"),
                rs.getTimestamp("recorded_at").toInstant(),
                new Actor(rs.getString("actor_kind"), rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("source_addr")),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("outcome"),
                json.readValue(rs.getString("refs"), MAP),
                json.readValue(rs.getString("body"), MAP))).list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
