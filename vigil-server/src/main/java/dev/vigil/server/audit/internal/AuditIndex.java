package dev.vigil.server.audit.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import dev.vigil.ledger.record.AuditEvent;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditQuery;
import dev.vigil.server.audit.AuditRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search index of the ledger: one row per ledger record, with the record's canonical bytes. The ledger files are
 * the truth; this table mirrors them (and, like them, only grows).
 */
@Component
class AuditIndex {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long seq, AuditEvent event, byte[] canonical) {
        Map<String, String> refs = new LinkedHashMap<>();
        event.references().approval().ifPresent(v -> refs.put("approval", v));
        event.references().incident().ifPresent(v -> refs.put("incident", v));
        event.references().changeRequest().ifPresent(v -> refs.put("change", v));
        event.references().session().ifPresent(v -> refs.put("session", v));
        jdbc.sql("""
                INSERT INTO audit_record (seq, recorded_at, actor_kind, actor_id, actor_name, source_addr, action,
                                          object_type, object_id, tenant_id, outcome, refs, body, canonical)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                ON CONFLICT (seq) DO NOTHING""")
                .params(seq, Timestamp.from(event.time()), event.actor().kind().wireName(), event.actor().id(),
                        event.actor().displayName(), event.sourceAddress().orElse(""), event.action(), event.object().type(),
                        event.object().id(), LedgerEvents.tenantOf(event), event.outcome().wireName(),
                        json.writeValueAsString(refs), json.writeValueAsString(event.body()), canonical)
                .update();
    }

    /** The canonical bytes of one record. */
    java.util.Optional<byte[]> canonical(long seq) {
        return jdbc.sql("SELECT canonical FROM audit_record WHERE seq = ?").param(seq).query(byte[].class).optional();
    }

    /** The highest indexed sequence number, if any. */
    OptionalLong lastSeq() {
        long max = jdbc.sql("SELECT coalesce(max(seq), -1) FROM audit_record").query(Long.class).single();
        return max < 0 ? OptionalLong.empty() : OptionalLong.of(max);
    }

    List<AuditRecord> search(AuditQuery query) {
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
                json.readValue(rs.getString("body"), MAP),
                Base64.getEncoder().encodeToString(rs.getBytes("canonical")))).list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
