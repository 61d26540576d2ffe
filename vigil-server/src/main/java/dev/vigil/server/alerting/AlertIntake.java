package dev.vigil.server.alerting;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.alerting.internal.AlertRows;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where producers hand in alerts. A draft whose dedup key matches a firing alert last seen within the draft's window
 * adds its occurrences and event ids to that alert; otherwise a new alert opens (audited, and {@link AlertRaised} is
 * published). A draft whose events the alert already holds is a replay after a crash and changes nothing.
 */
@Service
public class AlertIntake {

    /** How many matched event ids an alert keeps; the count goes on in {@code occurrences}. */
    public static final int MAX_EVENT_IDS = 100;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    AlertIntake(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public AlertView raise(AlertDraft draft) {
        return raiseAll(List.of(draft)).getFirst();
    }

    /**
     * Hands in several drafts in one transaction, their audit records written as one group (an alert storm costs one
     * durable write per batch, not one per alert). Returns the resulting alerts in the drafts' order.
     */
    @Transactional
    public List<AlertView> raiseAll(List<AlertDraft> drafts) {
        List<AlertView> result = new ArrayList<>(drafts.size());
        List<AuditEntry> records = new ArrayList<>();
        Map<Integer, UUID> created = new LinkedHashMap<>();
        for (AlertDraft draft : drafts) {
            Optional<AlertView> open = jdbc.sql("SELECT " + AlertRows.COLUMNS + """
                     FROM alert WHERE dedup_key = ? AND state = 'firing' AND last_seen >= ?
                     ORDER BY last_seen DESC LIMIT 1 FOR UPDATE""")
                    .params(draft.dedupKey(), Timestamp.from(draft.at().minus(draft.window())))
                    .query(AlertRows::map).optional();
            if (open.isPresent()) {
                result.add(addTo(open.get(), draft));
                continue;
            }
            UUID id = UUID.randomUUID();
            List<String> eventIds = draft.eventIds().stream().distinct().limit(MAX_EVENT_IDS).toList();
            jdbc.sql("""
                    INSERT INTO alert (id, tenant, source, rule_ref, title, author, severity, state, dedup_key, entities, event_ids,
                                       explanation, occurrences, first_seen, last_seen)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'firing', ?, ?::jsonb, ?, ?, ?, ?, ?)""")
                    .params(id, draft.tenant(), draft.source(), draft.ruleRef(), draft.title(), draft.author(),
                            draft.severity().code(), draft.dedupKey(), AlertRows.entitiesJson(draft.entities()),
                            eventIds.toArray(String[]::new), draft.explanation(), draft.occurrences(), Timestamp.from(draft.at()),
                            Timestamp.from(draft.at()))
                    .update();
            records.add(AuditEntry.success("alert.raise", "alert", id, null, Map.of(
                    "tenant", draft.tenant(), "source", draft.source(), "rule", draft.ruleRef(), "title", draft.title(),
                    "severity", draft.severity().code(), "entities", draft.entities(), "events", eventIds))
                    .by(Actor.systemJob(draft.source())));
            created.put(result.size(), id);
            result.add(null);
        }
        audit.recordAll(records);
        created.forEach((position, id) -> {
            AlertView alert = get(id);
            events.publishEvent(new AlertRaised(alert));
            result.set(position, alert);
        });
        return result;
    }

    /** Resolves the firing alerts of a dedup key (a source that recovered); returns how many. */
    @Transactional
    public int resolveByKey(String dedupKey, String source, String resolution) {
        List<UUID> ids = jdbc.sql("SELECT id FROM alert WHERE dedup_key = ? AND state = 'firing' FOR UPDATE")
                .param(dedupKey).query(UUID.class).list();
        for (UUID id : ids) {
            jdbc.sql("UPDATE alert SET state = 'resolved', resolved_by = ?, resolved_at = now(), resolution = ? WHERE id = ?")
                    .params("system:" + source, resolution, id).update();
            audit.record(AuditEntry.success("alert.resolve", "alert", id, null, Map.of("resolution", resolution))
                    .by(Actor.systemJob(source)));
        }
        return ids.size();
    }

    private AlertView addTo(AlertView alert, AlertDraft draft) {
        Set<String> known = new LinkedHashSet<>(alert.eventIds());
        long repeated = draft.eventIds().stream().distinct().filter(known::contains).count();
        long fresh = draft.occurrences() - repeated;
        if (fresh <= 0) {
            return alert;
        }
        for (String eventId : draft.eventIds()) {
            if (known.size() >= MAX_EVENT_IDS) {
                break;
            }
            known.add(eventId);
        }
        jdbc.sql("UPDATE alert SET occurrences = occurrences + ?, last_seen = greatest(last_seen, ?), event_ids = ? WHERE id = ?")
                .params(fresh, Timestamp.from(draft.at()), known.toArray(String[]::new), alert.id()).update();
        return get(alert.id());
    }

    private AlertView get(UUID id) {
        return jdbc.sql("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE id = ?").param(id).query(AlertRows::map).single();
    }
}
