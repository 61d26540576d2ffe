package dev.vigil.server.vuln;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.asset.AssetRegistry;
import dev.vigil.server.asset.AssetView;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.vuln.internal.FindingWriter;
import dev.vigil.server.vuln.internal.TenantClause;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA: raises one alert (source {@code vuln}) per open finding whose due date has passed, through the alerting intake
 * (resolved when the finding leaves the open statuses), and counts findings by SLA state and priority.
 */
@Service
public class FindingSlaService {

    /** The source of SLA breach alerts. */
    public static final String ALERT_SOURCE = "vuln";

    private final JdbcClient jdbc;
    private final AlertIntake alerts;
    private final AssetRegistry assets;
    private final TenantScopes tenants;
    private final Clock clock;

    FindingSlaService(JdbcClient jdbc, AlertIntake alerts, AssetRegistry assets, TenantScopes tenants, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.assets = assets;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Alerts for every open finding past its due date that has not been alerted yet; returns how many. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
    @Transactional
    public int raiseBreaches() {
        record Breach(UUID id, String tenant, UUID assetId, String vulnerability, String title, String priority,
                Instant due) {
        }
        List<Breach> breaches = jdbc.sql("""
                SELECT id, tenant, asset_id, vulnerability_id, title, priority, sla_due FROM vuln_finding
                WHERE sla_due < ? AND sla_alerted_at IS NULL AND status IN ('new', 'reopened', 'triaged', 'in_remediation')
                ORDER BY sla_due LIMIT 1000 FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(clock.instant()))
                .query((rs, row) -> new Breach(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
        Instant now = clock.instant();
        for (Breach b : breaches) {
            String asset = assets.describe(b.assetId()).map(AssetView::name).orElse(b.assetId().toString());
            alerts.raise(new AlertDraft(b.tenant(), ALERT_SOURCE, "sla:" + b.id(), "Remediation SLA breached: " + b.vulnerability()
                    + " on " + asset, "", severity(b.priority()), FindingWriter.slaAlertKey(b.id()), Duration.ofDays(3650),
                    Map.of("host.name", asset, "vulnerability.id", b.vulnerability()), List.of(),
                    "finding " + b.id() + " (" + b.priority() + ": " + b.title() + ") was due " + b.due()
                            + " and is still open", now, 1));
            jdbc.sql("UPDATE vuln_finding SET sla_alerted_at = ? WHERE id = ?").params(Timestamp.from(now), b.id()).update();
        }
        return breaches.size();
    }

    /** Open findings by SLA state (breached, due-soon, on-track) and priority, for the caller's tenants. */
    public Map<String, Map<String, Long>> summary(String tenant) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE status IN ('new', 'reopened', 'triaged', 'in_remediation') AND sla_due IS NOT NULL");
        TenantClause.append(where, params, "tenant", tenants.slugs("vuln", "read"), tenant);
        Map<String, Map<String, Long>> summary = new LinkedHashMap<>();
        for (String state : List.of("breached", "due-soon", "on-track")) {
            Map<String, Long> byPriority = new LinkedHashMap<>();
            for (String priority : List.of("critical", "high", "medium", "low")) {
                byPriority.put(priority, 0L);
            }
            summary.put(state, byPriority);
        }
        jdbc.sql("""
                SELECT CASE WHEN sla_due < now() THEN 'breached' WHEN sla_due < now() + interval '7 days' THEN 'due-soon'
                            ELSE 'on-track' END AS state, priority, count(*) FROM vuln_finding""" + where + " GROUP BY 1, 2")
                .params(params)
                .query(rs -> {
                    summary.get(rs.getString(1)).put(rs.getString(2), rs.getLong(3));
                });
        return summary;
    }

    private static AlertSeverity severity(String priority) {
        return switch (priority) {
            case "critical" -> AlertSeverity.CRITICAL;
            case "high" -> AlertSeverity.HIGH;
            case "medium" -> AlertSeverity.MEDIUM;
            default -> AlertSeverity.LOW;
        };
    }
}
