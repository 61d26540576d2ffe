package dev.vigil.server.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The harm assessment of an incident, beside the free-text harm its grading records: how badly confidentiality,
 * integrity and availability were hit, how many records and people are affected, and whether a regulator must be told.
 */
@Service
public class HarmAssessmentService {

    public static final List<String> IMPACTS = List.of("unknown", "none", "low", "medium", "high");

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final AuditLog audit;

    HarmAssessmentService(JdbcClient jdbc, IncidentStore store, AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
    }

    /**
     * @param narrative        the harm text recorded with the grading
     * @param regulatoryReport null while not decided
     */
    public record Harm(String confidentiality, String integrity, String availability, Long recordsAffected, Long peopleAffected,
                       Boolean regulatoryReport, String narrative, String assessedBy, Instant assessedAt) {
    }

    /** What an assessment sets; a null impact stays as it was, numbers and the regulatory flag are replaced. */
    public record HarmChange(String confidentiality, String integrity, String availability, Long recordsAffected, Long peopleAffected,
                             Boolean regulatoryReport) {
    }

    public Harm of(UUID incidentId) {
        return of(store.read(incidentId));
    }

    Harm of(IncidentRow incident) {
        return jdbc.sql("""
                SELECT confidentiality, integrity, availability, records_affected, people_affected, regulatory_report, assessed_by, assessed_at
                FROM incident_impact WHERE incident_id = ?""").param(incident.id())
                .query((rs, n) -> new Harm(rs.getString(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4), (Long) rs.getObject(5),
                        (Boolean) rs.getObject(6), incident.harm(), rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .optional().orElse(new Harm("unknown", "unknown", "unknown", null, null, null, incident.harm(), null, null));
    }

    @Transactional
    public Harm assess(UUID incidentId, HarmChange change) {
        IncidentRow incident = store.lockOpen(incidentId, "update");
        if (change == null) {
            throw ProblemException.badRequest("invalid-harm", "send the assessment as JSON");
        }
        Harm before = of(incident);
        String confidentiality = impact("confidentiality", change.confidentiality(), before.confidentiality());
        String integrity = impact("integrity", change.integrity(), before.integrity());
        String availability = impact("availability", change.availability(), before.availability());
        count("recordsAffected", change.recordsAffected());
        count("peopleAffected", change.peopleAffected());
        String who = store.caller();
        jdbc.sql("""
                INSERT INTO incident_impact (incident_id, confidentiality, integrity, availability, records_affected, people_affected,
                                             regulatory_report, assessed_by, assessed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (incident_id) DO UPDATE SET confidentiality = excluded.confidentiality, integrity = excluded.integrity,
                    availability = excluded.availability, records_affected = excluded.records_affected,
                    people_affected = excluded.people_affected, regulatory_report = excluded.regulatory_report,
                    assessed_by = excluded.assessed_by, assessed_at = excluded.assessed_at""")
                .params(incidentId, confidentiality, integrity, availability, change.recordsAffected(), change.peopleAffected(),
                        change.regulatoryReport(), who, Timestamp.from(store.now()))
                .update();
        Harm after = of(store.read(incidentId));
        store.note(incidentId, "impact", who, "Harm assessed: confidentiality " + confidentiality + ", integrity " + integrity
                + ", availability " + availability
                + (change.recordsAffected() == null ? "" : "; " + change.recordsAffected() + " record(s)")
                + (change.peopleAffected() == null ? "" : "; " + change.peopleAffected() + " people")
                + (change.regulatoryReport() == null ? "" : change.regulatoryReport() ? "; a regulator must be told" : "; no regulatory report"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("before", before);
        body.put("after", after);
        audit.record(AuditEntry.success("incident.harm", "incident", incidentId, store.tenantId(incident.tenant()), body));
        return after;
    }

    private static String impact(String field, String value, String current) {
        if (value == null || value.isBlank()) {
            return current;
        }
        String clean = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!IMPACTS.contains(clean)) {
            throw ProblemException.badRequest("invalid-harm", field + " must be one of " + String.join(", ", IMPACTS));
        }
        return clean;
    }

    private static void count(String field, Long value) {
        if (value != null && value < 0) {
            throw ProblemException.badRequest("invalid-harm", field + " cannot be negative");
        }
    }
}
