package dev.vigil.server.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Internal audit reviews: an auditor opens a period, selects records (filters, presets, a random sample), marks each
 * reviewed or flagged with a comment, raises findings with an owner and a due date, and signs the period off once
 * nothing is pending. Every review action is itself an audit record; nobody reviews their own operations.
 */
@Service
public class AuditReviews {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AuditSearch search;
    private final ActorResolver actors;
    private final Clock clock;

    AuditReviews(JdbcClient jdbc, AuditLog audit, AuditSearch search, ActorResolver actors, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.search = search;
        this.actors = actors;
        this.clock = clock;
    }

    public List<ReviewPeriodView> periods() {
        return jdbc.sql("SELECT id FROM review_period ORDER BY starts_at DESC, created_at DESC").query(UUID.class).list()
                .stream().map(this::period).toList();
    }

    public ReviewPeriodView period(UUID id) {
        return jdbc.sql("""
                SELECT p.*,
                  (SELECT count(*) FROM review_item i WHERE i.period_id = p.id) AS items,
                  (SELECT count(*) FROM review_item i WHERE i.period_id = p.id AND i.status = 'pending') AS pending,
                  (SELECT count(*) FROM review_item i WHERE i.period_id = p.id AND i.status = 'reviewed') AS reviewed,
                  (SELECT count(*) FROM review_item i WHERE i.period_id = p.id AND i.status = 'flagged') AS flagged,
                  (SELECT count(*) FROM review_finding f WHERE f.period_id = p.id AND f.status = 'open') AS open_findings
                FROM review_period p WHERE p.id = ?""").param(id)
                .query((rs, n) -> new ReviewPeriodView(id, rs.getString("name"), instant(rs, "starts_at"), instant(rs, "ends_at"),
                        rs.getString("state"), rs.getString("created_by"), instant(rs, "created_at"), rs.getString("signed_off_by"),
                        instant(rs, "signed_off_at"), rs.getString("sign_off_note"), rs.getLong("items"), rs.getLong("pending"),
                        rs.getLong("reviewed"), rs.getLong("flagged"), rs.getLong("open_findings")))
                .optional().orElseThrow(() -> ProblemException.notFound("review period", id));
    }

    @Transactional
    public ReviewPeriodView open(String name, Instant startsAt, Instant endsAt) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ProblemException.badRequest("invalid-input", "a period needs a name (at most 200 characters)");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw ProblemException.badRequest("invalid-input", "the period must end after it starts");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO review_period (id, name, starts_at, ends_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(id, name.trim(), Timestamp.from(startsAt), Timestamp.from(endsAt), reviewer().name()).update();
        audit.record(AuditEntry.success("audit.review.open", "review-period", id, null,
                Map.of("name", name.trim(), "startsAt", startsAt.toString(), "endsAt", endsAt.toString())));
        return period(id);
    }

    /** Adds the records a selection chooses; returns how many were new to the period. */
    @Transactional
    public int select(UUID periodId, ReviewSelection selection) {
        ReviewPeriodView period = requireOpen(periodId);
        StringBuilder where = new StringBuilder("r.recorded_at >= :starts AND r.recorded_at < :ends");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("period", periodId);
        params.put("starts", Timestamp.from(period.startsAt()));
        params.put("ends", Timestamp.from(period.endsAt()));
        String label = switch (selection) {
            case ReviewSelection.Filter filter -> filter(filter, where, params);
            case ReviewSelection.Preset preset -> preset(preset.name(), where);
            case ReviewSelection.Sample sample -> sample(sample.percent(), periodId, where, params);
        };
        params.put("label", label);
        int added = jdbc.sql("""
                INSERT INTO review_item (period_id, record_seq, selected_by)
                SELECT :period, r.seq, :label FROM audit_record r
                WHERE %s AND NOT EXISTS (SELECT 1 FROM review_item i WHERE i.period_id = :period AND i.record_seq = r.seq)
                  AND NOT (r.action LIKE 'audit.review.%%')
                ORDER BY r.seq""".formatted(where)).params(params).update();
        audit.record(AuditEntry.success("audit.review.select", "review-period", periodId, null,
                Map.of("selection", label, "added", added)));
        return added;
    }

    public List<ReviewItemView> items(UUID periodId, String status, int limit) {
        period(periodId);
        if (status != null && !List.of("pending", "reviewed", "flagged").contains(status)) {
            throw ProblemException.badRequest("invalid-input", "status must be pending, reviewed or flagged");
        }
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT record_seq, selected_by, status, comment, reviewed_by, reviewed_at FROM review_item
                WHERE period_id = ? AND (?::text IS NULL OR status = ?) ORDER BY record_seq LIMIT ?""")
                .params(periodId, status, status, limit).query().listOfRows();
        List<ReviewItemView> items = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            long seq = ((Number) row.get("record_seq")).longValue();
            AuditRecord record = search.search(new AuditQuery(null, null, null, null, null, null, null, null, seq - 1, 1))
                    .stream().filter(r -> r.seq() == seq).findFirst().orElse(null);
            Timestamp at = (Timestamp) row.get("reviewed_at");
            items.add(new ReviewItemView(record, (String) row.get("selected_by"), (String) row.get("status"),
                    (String) row.get("comment"), (String) row.get("reviewed_by"), at == null ? null : at.toInstant()));
        }
        return items;
    }

    @Transactional
    public void mark(UUID periodId, long recordSeq, String status, String comment) {
        requireOpen(periodId);
        if (!List.of("reviewed", "flagged").contains(status)) {
            throw ProblemException.badRequest("invalid-input", "status must be reviewed or flagged");
        }
        String note = comment == null ? "" : comment.trim();
        if (status.equals("flagged") && note.isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "say why the record is flagged (comment)");
        }
        Actor reviewer = reviewer();
        String recordActor = jdbc.sql("SELECT actor_id FROM audit_record WHERE seq = ?").param(recordSeq).query(String.class)
                .optional().orElseThrow(() -> ProblemException.notFound("audit record", recordSeq));
        if (recordActor.equals(reviewer.id())) {
            throw ProblemException.forbidden("separation-of-duties", "you cannot review your own operations (record " + recordSeq + ")");
        }
        int updated = jdbc.sql("""
                UPDATE review_item SET status = ?, comment = ?, reviewed_by = ?, reviewed_at = ?
                WHERE period_id = ? AND record_seq = ?""")
                .params(status, note, reviewer.name(), Timestamp.from(Instant.now(clock)), periodId, recordSeq).update();
        if (updated == 0) {
            throw ProblemException.notFound("review item", recordSeq);
        }
        audit.record(new AuditEntry(null, "audit.review.mark", "audit-record", String.valueOf(recordSeq), null,
                AuditEntry.Outcome.SUCCESS, Map.of(), Map.of("period", periodId.toString(), "status", status, "comment", note)));
    }

    public List<FindingView> findings(UUID periodId) {
        period(periodId);
        return jdbc.sql("SELECT * FROM review_finding WHERE period_id = ? ORDER BY created_at").param(periodId)
                .query(AuditReviews::finding).list();
    }

    @Transactional
    public FindingView raise(UUID periodId, String title, String description, String severity, String owner, LocalDate due,
            List<Long> records) {
        requireOpen(periodId);
        if (title == null || title.isBlank() || owner == null || owner.isBlank() || due == null) {
            throw ProblemException.badRequest("invalid-input", "a finding needs a title, an owner and a due date");
        }
        if (!List.of("low", "medium", "high", "critical").contains(severity)) {
            throw ProblemException.badRequest("invalid-input", "severity must be low, medium, high or critical");
        }
        UUID id = UUID.randomUUID();
        List<Long> seqs = records == null ? List.of() : records;
        jdbc.sql("""
                INSERT INTO review_finding (id, period_id, title, description, severity, owner, due_date, record_seqs, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::bigint[], ?)""")
                .params(id, periodId, title.trim(), description == null ? "" : description.trim(), severity, owner.trim(),
                        java.sql.Date.valueOf(due), "{" + String.join(",", seqs.stream().map(String::valueOf).toList()) + "}",
                        reviewer().name()).update();
        audit.record(AuditEntry.success("audit.review.finding.raise", "review-finding", id, null, Map.of("period", periodId.toString(),
                "title", title.trim(), "severity", severity, "owner", owner.trim(), "due", due.toString(), "records", seqs)));
        return finding(periodId, id);
    }

    @Transactional
    public FindingView resolve(UUID periodId, UUID findingId, String resolution) {
        FindingView finding = finding(periodId, findingId);
        if (finding.status().equals("resolved")) {
            throw ProblemException.conflict("already-resolved", "the finding is already resolved");
        }
        if (resolution == null || resolution.isBlank()) {
            throw ProblemException.badRequest("invalid-input", "say how the finding was resolved");
        }
        jdbc.sql("UPDATE review_finding SET status = 'resolved', resolution = ?, resolved_at = ? WHERE id = ?")
                .params(resolution.trim(), Timestamp.from(Instant.now(clock)), findingId).update();
        audit.record(AuditEntry.success("audit.review.finding.resolve", "review-finding", findingId, null,
                Map.of("period", periodId.toString(), "resolution", resolution.trim())));
        return finding(periodId, findingId);
    }

    /** Signs the period off; refused while any selected record is still pending. */
    @Transactional
    public ReviewPeriodView signOff(UUID periodId, String note) {
        ReviewPeriodView period = requireOpen(periodId);
        if (period.items() == 0) {
            throw ProblemException.conflict("nothing-reviewed", "select records for review before signing the period off");
        }
        if (period.pending() > 0) {
            throw ProblemException.conflict("review-incomplete", period.pending() + " selected record(s) are still pending review");
        }
        jdbc.sql("UPDATE review_period SET state = 'signed-off', signed_off_by = ?, signed_off_at = ?, sign_off_note = ? WHERE id = ?")
                .params(reviewer().name(), Timestamp.from(Instant.now(clock)), note == null ? "" : note.trim(), periodId).update();
        audit.record(AuditEntry.success("audit.review.sign-off", "review-period", periodId, null, Map.of("name", period.name(),
                "items", period.items(), "flagged", period.flagged(), "openFindings", period.openFindings())));
        return period(periodId);
    }

    private ReviewPeriodView requireOpen(UUID periodId) {
        ReviewPeriodView period = period(periodId);
        if (!period.state().equals("open")) {
            throw ProblemException.conflict("period-signed-off", "the period '" + period.name() + "' is signed off and cannot change");
        }
        return period;
    }

    private FindingView finding(UUID periodId, UUID findingId) {
        return jdbc.sql("SELECT * FROM review_finding WHERE id = ? AND period_id = ?").params(findingId, periodId)
                .query(AuditReviews::finding).optional().orElseThrow(() -> ProblemException.notFound("finding", findingId));
    }

    private Actor reviewer() {
        return actors.currentActor().orElseThrow(() -> ProblemException.unauthorized("unauthenticated", "sign in first"));
    }

    private static String filter(ReviewSelection.Filter filter, StringBuilder where, Map<String, Object> params) {
        List<String> parts = new ArrayList<>();
        if (filter.action() != null && !filter.action().isBlank()) {
            String action = filter.action().trim();
            if (action.endsWith("*")) {
                where.append(" AND r.action LIKE :action");
                params.put("action", action.substring(0, action.length() - 1).replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                where.append(" AND r.action = :action");
                params.put("action", action);
            }
            parts.add("action=" + action);
        }
        if (filter.actorKind() != null && !filter.actorKind().isBlank()) {
            where.append(" AND r.actor_kind = :actorKind");
            params.put("actorKind", filter.actorKind().trim());
            parts.add("actor-kind=" + filter.actorKind().trim());
        }
        if (filter.objectType() != null && !filter.objectType().isBlank()) {
            where.append(" AND r.object_type = :objectType");
            params.put("objectType", filter.objectType().trim());
            parts.add("object-type=" + filter.objectType().trim());
        }
        if (filter.outcome() != null && !filter.outcome().isBlank()) {
            where.append(" AND r.outcome = :outcome");
            params.put("outcome", filter.outcome().trim());
            parts.add("outcome=" + filter.outcome().trim());
        }
        if (filter.tenantData() != null) {
            where.append(filter.tenantData() ? " AND r.tenant_id IS NOT NULL" : " AND r.tenant_id IS NULL");
            parts.add("tenant-data=" + filter.tenantData());
        }
        return parts.isEmpty() ? "filter:all" : "filter:" + String.join(",", parts);
    }

    private static String preset(String name, StringBuilder where) {
        String condition = switch (name) {
            case "permission-changes" -> "r.action IN ('user.roles.change', 'role.create', 'role.update', 'role.delete', "
                    + "'group.create', 'group.update', 'group.delete', 'api-token.create', 'user.create', 'user.totp.reset')";
            case "bastion-sessions-on-tenant-data" -> "r.action LIKE 'bastion.session.%' AND r.tenant_id IS NOT NULL";
            case "emergency-access" -> "r.action LIKE 'access.break-glass%'";
            case "failures-and-denials" -> "r.outcome IN ('failure', 'denied')";
            default -> throw ProblemException.badRequest("unknown-preset",
                    "unknown preset '" + name + "'; known: " + String.join(", ", ReviewSelection.PRESETS));
        };
        where.append(" AND (").append(condition).append(")");
        return "preset:" + name;
    }

    private static String sample(double percent, UUID periodId, StringBuilder where, Map<String, Object> params) {
        if (!(percent > 0 && percent <= 100)) {
            throw ProblemException.badRequest("invalid-input", "the sample percent must be above 0 and at most 100");
        }
        where.append(" AND mod(abs(hashtext(r.seq::text || :salt)), 10000) < :threshold");
        params.put("salt", periodId.toString());
        params.put("threshold", (int) Math.round(percent * 100));
        return "sample:" + percent + "%";
    }

    private static FindingView finding(ResultSet rs, int n) throws SQLException {
        Array seqs = rs.getArray("record_seqs");
        List<Long> records = seqs == null ? List.of() : Arrays.stream((Long[]) seqs.getArray()).toList();
        return new FindingView(rs.getObject("id", UUID.class), rs.getObject("period_id", UUID.class), rs.getString("title"),
                rs.getString("description"), rs.getString("severity"), rs.getString("owner"), rs.getDate("due_date").toLocalDate(),
                records, rs.getString("status"), rs.getString("resolution"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "resolved_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
