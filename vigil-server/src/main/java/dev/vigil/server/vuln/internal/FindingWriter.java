package dev.vigil.server.vuln.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.vuln.FindingSlaService;
import dev.vigil.vuln.assess.Assessment;
import dev.vigil.vuln.report.Finding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL that writes findings, their scores, sources and lifecycle steps; callers check permissions and audit. */
@Component
public class FindingWriter {

    /** The lifecycle columns of a stored finding that an import needs. */
    public record Stored(UUID id, String status, Instant firstSeen) {
    }

    private final JdbcClient jdbc;
    private final SlaPolicy sla;
    private final AlertIntake alerts;

    FindingWriter(JdbcClient jdbc, SlaPolicy sla, AlertIntake alerts) {
        this.jdbc = jdbc;
        this.sla = sla;
        this.alerts = alerts;
    }

    public Optional<Stored> lock(UUID assetId, String identity) {
        return jdbc.sql("SELECT id, status, first_seen FROM vuln_finding WHERE asset_id = ? AND identity = ? FOR UPDATE")
                .params(assetId, identity)
                .query((rs, row) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    public UUID insert(String tenant, UUID assetId, String identity, Finding f, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO vuln_finding (id, tenant, asset_id, identity, kind, vulnerability_id, scanner_severity, priority,
                                          status, first_seen, last_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'info', 'new', ?, ?)""")
                .params(id, tenant, assetId, identity, f.kind().name().toLowerCase(), text(FindingIdentity.vulnerability(f)),
                        f.severity().name().toLowerCase(), Timestamp.from(now), Timestamp.from(now))
                .update();
        return id;
    }

    /** Overwrites what the latest report says about the finding. */
    public void report(UUID id, Finding f, Instant now) {
        jdbc.sql("""
                UPDATE vuln_finding SET aliases = ?, title = ?, description = ?, component_name = ?, component_version = ?,
                       purl = ?, location = ?, fixed_version = ?, remediation = ?, scanner_severity = ?, scanner_status = ?,
                       cvss_vector = ?, reported_score = ?, last_seen = ?, version = version + 1, updated_at = now()
                WHERE id = ?""")
                .params(f.aliases().stream().map(FindingWriter::text).toArray(String[]::new), text(f.title()), text(f.description()),
                        f.component() == null ? "" : text(f.component().name()),
                        f.component() == null ? "" : text(f.component().version()),
                        f.component() == null ? "" : text(f.component().purl()), text(f.location()),
                        text(f.fixedVersion()), text(f.remediation()), f.severity().name().toLowerCase(), text(f.status()),
                        f.cvssVector() == null ? null : text(f.cvssVector()), f.cvssScore(), Timestamp.from(now), id)
                .update();
    }

    /** Stores the scores and the SLA due date that follow from them. */
    public void score(UUID id, Assessment a, Enrichment.Facts facts, Instant firstSeen) {
        Instant due = sla.due(a.priority(), firstSeen);
        jdbc.sql("""
                UPDATE vuln_finding SET cvss_version = ?, cvss_score = ?, cvss_severity = ?, reported_score = ?,
                       score_mismatch = ?, cvss_error = ?, kev = ?, kev_due = ?, epss = ?, epss_percentile = ?,
                       ssvc_exploitation = ?, ssvc_automatable = ?, ssvc_technical_impact = ?, ssvc_mission = ?,
                       ssvc_decision = ?, priority = ?,
                       sla_alerted_at = CASE WHEN sla_due IS DISTINCT FROM CAST(? AS timestamptz) THEN NULL ELSE sla_alerted_at END,
                       sla_due = ?
                WHERE id = ?""")
                .params(a.cvssVersion(), a.cvssScore(), a.cvssSeverity(), a.reportedScore(), a.scoreMismatch(),
                        a.cvssError(), facts.kev(), facts.kevDue() == null ? null : Date.valueOf(facts.kevDue()),
                        facts.epss(), facts.epssPercentile(), a.ssvc().exploitation().spellings().get(0),
                        a.ssvc().automatable().spellings().get(0), a.ssvc().technicalImpact().spellings().get(0),
                        a.ssvc().missionWellbeing().spellings().get(0), a.ssvc().outcome().label(), a.priority().code(),
                        due == null ? null : Timestamp.from(due), due == null ? null : Timestamp.from(due), id)
                .update();
    }

    public void source(UUID findingId, String scanner, String scope, UUID importId) {
        jdbc.sql("""
                INSERT INTO vuln_finding_source (finding_id, scanner, scope, present, last_import_id) VALUES (?, ?, ?, true, ?)
                ON CONFLICT (finding_id, scanner, scope) DO UPDATE SET present = true, last_import_id = excluded.last_import_id""")
                .params(findingId, scanner, scope, importId).update();
    }

    /** Moves the finding to a new status and records the step; leaving the open statuses resolves its SLA alert. */
    public void transition(UUID id, String from, String to, String reason, String actor) {
        jdbc.sql("""
                UPDATE vuln_finding SET status = ?, status_reason = ?,
                       closed_at = CASE WHEN ? IN ('closed', 'verified', 'false_positive') THEN now() ELSE NULL END,
                       sla_alerted_at = CASE WHEN ? = 'reopened' THEN NULL ELSE sla_alerted_at END,
                       risk_accepted_until = NULL, risk_acceptance_change = NULL,
                       version = version + 1, updated_at = now()
                WHERE id = ?""")
                .params(to, reason == null ? "" : reason, to, to, id).update();
        history(id, from, to, reason, actor);
        if (!FindingRows.OPEN.contains(to)) {
            alerts.resolveByKey(slaAlertKey(id), FindingSlaService.ALERT_SOURCE, "finding " + to);
        }
    }

    /** Accepts the finding's risk until {@code until}, as decided by the change request {@code change}. */
    public void acceptRisk(UUID id, String from, Instant until, String reason, UUID change, String actor) {
        jdbc.sql("""
                UPDATE vuln_finding SET status = 'risk_accepted', status_reason = ?, risk_accepted_until = ?,
                       risk_acceptance_change = ?, version = version + 1, updated_at = now()
                WHERE id = ?""")
                .params(reason, Timestamp.from(until), change, id).update();
        history(id, from, "risk_accepted", reason, actor);
        alerts.resolveByKey(slaAlertKey(id), FindingSlaService.ALERT_SOURCE, "risk accepted until " + until);
    }

    /** The dedup key of a finding's SLA breach alert. */
    public static String slaAlertKey(UUID id) {
        return "vuln-sla:" + id;
    }

    public void history(UUID id, String from, String to, String reason, String actor) {
        jdbc.sql("INSERT INTO vuln_finding_history (finding_id, actor, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?)")
                .params(id, actor, from, to, reason == null ? "" : reason).update();
    }

    /** PostgreSQL text cannot hold NUL characters, which some reports carry in descriptions. */
    private static String text(String value) {
        return value == null ? "" : value.replace("\u0000", "");
    }
}
