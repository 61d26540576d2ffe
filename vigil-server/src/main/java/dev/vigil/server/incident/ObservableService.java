package dev.vigil.server.incident;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Observables of an incident (IPs, domains, URLs, hashes, users, hosts, e-mail addresses): by hand or from linked alerts. */
@Service
public class ObservableService {

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final AuditLog audit;

    ObservableService(JdbcClient jdbc, IncidentStore store, AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
    }

    @Transactional
    public IncidentView.Observable add(UUID incidentId, String kind, String value, String note) {
        IncidentRow incident = store.lock(incidentId, "update");
        String normalised;
        try {
            normalised = ObservableKinds.normalise(kind, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-observable", e.getMessage());
        }
        if (note != null && note.length() > 2000) {
            throw ProblemException.badRequest("invalid-observable", "note must be at most 2000 characters");
        }
        String who = store.caller();
        Optional<UUID> id = insert(incidentId, kind, normalised, note == null ? "" : note.strip(), "manual", who);
        if (id.isEmpty()) {
            throw ProblemException.conflict("duplicate-observable", incident.ref() + " already has " + kind + " " + normalised);
        }
        store.note(incidentId, "observable", who, "Observable added: " + kind + " " + normalised);
        audit.record(AuditEntry.success("incident.observable.add", "incident", incidentId, store.tenantId(incident.tenant()),
                Map.of("kind", kind, "value", normalised)));
        return list(incidentId).stream().filter(o -> o.id().equals(id.get())).findFirst().orElseThrow();
    }

    /** Takes the entities of a linked alert that name an observable kind; values already recorded are skipped. */
    void addFromAlert(UUID incidentId, UUID alertId, Map<String, String> entities, String who) {
        entities.forEach((entity, raw) -> ObservableKinds.ofEntity(entity).ifPresent(kind -> {
            try {
                insert(incidentId, kind, ObservableKinds.normalise(kind, raw), entity, "alert:" + alertId, who);
            } catch (IllegalArgumentException e) {
                // an entity value that is no valid observable of its kind (e.g. a host.ip of "-") is left out
            }
        }));
    }

    /** The observables ("kind=value") an alert's entities name. */
    static List<String> keysOf(Map<String, String> entities) {
        List<String> keys = new java.util.ArrayList<>();
        entities.forEach((entity, raw) -> ObservableKinds.ofEntity(entity).ifPresent(kind -> {
            try {
                keys.add(kind + "=" + ObservableKinds.normalise(kind, raw));
            } catch (IllegalArgumentException e) {
                // not a valid value of its kind: names no observable
            }
        }));
        return keys;
    }

    List<IncidentView.Observable> list(UUID incidentId) {
        return jdbc.sql("""
                SELECT id, kind, value, note, source, created_by, created_at FROM incident_observable
                WHERE incident_id = ? ORDER BY created_at, kind, value""").param(incidentId)
                .query((rs, n) -> new IncidentView.Observable(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), null))
                .list();
    }

    private Optional<UUID> insert(UUID incidentId, String kind, String value, String note, String source, String who) {
        UUID id = UUID.randomUUID();
        int rows = jdbc.sql("""
                INSERT INTO incident_observable (id, incident_id, kind, value, note, source, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id, kind, value) DO NOTHING""")
                .params(id, incidentId, kind, value, note, source, who, Timestamp.from(store.now())).update();
        return rows == 1 ? Optional.of(id) : Optional.empty();
    }
}
