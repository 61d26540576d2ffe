package dev.vigil.server.vuln;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.asset.AssetRegistry;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.platform.web.ProblemException;
import dev.vigil.server.vuln.internal.AssetNames;
import dev.vigil.server.vuln.internal.FindingLifecycle;
import dev.vigil.server.vuln.internal.FindingRows;
import dev.vigil.server.vuln.internal.FindingWriter;
import dev.vigil.server.vuln.internal.TenantClause;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Findings of the caller's tenants: lists, detail with history, and the lifecycle steps a person takes. */
@Service
public class FindingService {

    private final JdbcClient jdbc;
    private final FindingWriter writer;
    private final AssetRegistry assets;
    private final AccessPolicy access;
    private final TenantScopes tenants;
    private final AuditLog audit;

    FindingService(JdbcClient jdbc, FindingWriter writer, AssetRegistry assets, AccessPolicy access, TenantScopes tenants,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.assets = assets;
        this.access = access;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** Filter of a finding list; null fields do not filter. {@code status} "open" means any open status. */
    public record Filter(String tenant, UUID assetId, String status, String priority, String slaState, String scanner,
            String vulnerabilityId, Boolean kev, String ssvcDecision) {
    }

    public List<FindingView> list(Filter filter, int limit, int offset) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw ProblemException.badRequest("invalid-input", "limit must be 1-1000 and offset at least 0");
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        TenantClause.append(where, params, "f.tenant", tenants.slugs("vuln", "read"), filter.tenant());
        if (filter.assetId() != null) {
            where.append(" AND f.asset_id = ?");
            params.add(filter.assetId());
        }
        if ("open".equals(filter.status())) {
            where.append(" AND f.status IN ('new', 'reopened', 'triaged', 'in_remediation')");
        } else {
            add(where, params, " AND f.status = ?", filter.status());
        }
        add(where, params, " AND f.priority = ?", filter.priority());
        add(where, params, " AND EXISTS (SELECT 1 FROM vuln_finding_source s WHERE s.finding_id = f.id AND s.scanner = ?)",
                filter.scanner());
        add(where, params, " AND (f.vulnerability_id = ? OR ? = ANY(f.aliases))", filter.vulnerabilityId());
        if (filter.vulnerabilityId() != null && !filter.vulnerabilityId().isBlank()) {
            params.add(filter.vulnerabilityId().strip());
        }
        if (filter.kev() != null) {
            where.append(" AND f.kev = ?");
            params.add(filter.kev());
        }
        add(where, params, " AND f.ssvc_decision = ?", filter.ssvcDecision());
        String sql = "SELECT * FROM (" + FindingRows.SELECT + where + ") x";
        if (filter.slaState() != null && !filter.slaState().isBlank()) {
            sql += " WHERE x.sla_state = ?";
            params.add(filter.slaState().strip());
        }
        sql += " ORDER BY CASE x.ssvc_decision WHEN 'Act' THEN 0 WHEN 'Attend' THEN 1 WHEN 'Track*' THEN 2 ELSE 3 END,"
                + " x.epss DESC NULLS LAST, x.cvss_score DESC NULLS LAST, x.first_seen, x.id LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql).params(params).query(FindingRows.mapper(new AssetNames(assets))).list();
    }

    /**
     * Every finding, open or not, of the named component (package) on assets of the tenants the caller may read,
     * except those judged false positives: what an advisory about the component is drafted from.
     */
    public List<FindingView> ofComponent(String componentName) {
        StringBuilder where = new StringBuilder(" WHERE lower(f.component_name) = lower(?) AND f.status <> 'false_positive'");
        List<Object> params = new ArrayList<>();
        params.add(componentName.strip());
        TenantClause.append(where, params, "f.tenant", tenants.slugs("vuln", "read"), null);
        return jdbc.sql(FindingRows.SELECT + where + " ORDER BY f.vulnerability_id, f.component_version, f.id").params(params)
                .query(FindingRows.mapper(new AssetNames(assets))).list();
    }

    public FindingView get(UUID id) {
        FindingView finding = find(id);
        tenants.require("vuln", "read", finding.tenant());
        return finding;
    }

    /** The finding as it is now, for work whose permission was settled elsewhere (an approved change). */
    FindingView find(UUID id) {
        return jdbc.sql(FindingRows.SELECT + " WHERE f.id = ?").param(id)
                .query(FindingRows.mapper(new AssetNames(assets))).optional()
                .orElseThrow(() -> ProblemException.notFound("finding", id));
    }

    public List<FindingHistoryEntry> history(UUID id) {
        FindingView finding = get(id);
        return jdbc.sql("""
                SELECT at, actor, from_status, to_status, reason FROM vuln_finding_history WHERE finding_id = ? ORDER BY id""")
                .param(finding.id())
                .query((rs, row) -> new FindingHistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Takes one lifecycle step; 409 when the finding is not in a status that allows it (or changed meanwhile). */
    @Transactional
    public FindingView transition(UUID id, String to, String reason, Integer expectedVersion) {
        FindingView finding = get(id);
        tenants.require("vuln", "update", finding.tenant());
        if (to == null || !FindingLifecycle.STATUSES.contains(to)) {
            throw ProblemException.badRequest("invalid-input", "status must be one of "
                    + String.join(", ", FindingLifecycle.STATUSES));
        }
        String current = jdbc.sql("SELECT status FROM vuln_finding WHERE id = ? FOR UPDATE").param(id).query(String.class).single();
        int version = jdbc.sql("SELECT version FROM vuln_finding WHERE id = ?").param(id).query(Integer.class).single();
        if (expectedVersion != null && expectedVersion != version) {
            throw ProblemException.conflict("stale", "the finding changed meanwhile (version " + version + ")");
        }
        if (!FindingLifecycle.next(current).contains(to)) {
            throw ProblemException.conflict("invalid-transition", "a " + current + " finding cannot become " + to
                    + "; allowed: " + (FindingLifecycle.next(current).isEmpty() ? "none"
                    : String.join(", ", FindingLifecycle.next(current))));
        }
        String why = reason == null ? "" : reason.replace("\u0000", "").strip();
        if (FindingLifecycle.needsReason(current, to) && why.isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "a reason is required to move a finding from " + current
                    + " to " + to);
        }
        if (why.length() > 2000) {
            throw ProblemException.badRequest("invalid-input", "reason is at most 2000 characters");
        }
        writer.transition(id, current, to, why, access.requireCurrent().username());
        audit.record(AuditEntry.success("vuln.finding.transition", "vuln-finding", id, null,
                Map.of("from", current, "to", to, "reason", why, "vulnerability", finding.vulnerabilityId(),
                        "asset", finding.assetId().toString())));
        return get(id);
    }

    private static void add(StringBuilder where, List<Object> params, String clause, String value) {
        if (value != null && !value.isBlank()) {
            where.append(clause);
            params.add(value.strip());
        }
    }
}
