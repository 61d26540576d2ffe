package dev.vigil.server.vuln.internal;

import java.util.List;
import java.util.UUID;

import dev.vigil.server.asset.AssetDeleting;
import dev.vigil.server.asset.AssetUpdated;
import dev.vigil.server.asset.AssetsMerged;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps findings with their asset: a merge moves them to the surviving asset (a finding both had stays once, the
 * other copy is closed as a duplicate); a change of the asset rescores its findings; a delete is refused while the
 * asset has findings.
 */
@Component
class FindingAssetEvents {

    private final JdbcClient jdbc;
    private final FindingWriter writer;
    private final FindingRescorer rescorer;

    FindingAssetEvents(JdbcClient jdbc, FindingWriter writer, FindingRescorer rescorer) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.rescorer = rescorer;
    }

    @EventListener
    void onMerge(AssetsMerged merged) {
        List<UUID> duplicates = jdbc.sql("""
                SELECT m.id FROM vuln_finding m JOIN vuln_finding i ON i.asset_id = ? AND i.identity = m.identity
                WHERE m.asset_id = ?""").params(merged.into(), merged.merged()).query(UUID.class).list();
        for (UUID id : duplicates) {
            String status = jdbc.sql("SELECT status FROM vuln_finding WHERE id = ?").param(id).query(String.class).single();
            if (!status.equals("closed")) {
                writer.transition(id, status, "closed", "duplicate after merging its asset into " + merged.into(),
                        "system:asset-merge");
            }
            jdbc.sql("UPDATE vuln_finding_source SET present = false WHERE finding_id = ?").param(id).update();
        }
        jdbc.sql("""
                UPDATE vuln_finding SET asset_id = ?, version = version + 1, updated_at = now()
                WHERE asset_id = ? AND NOT (id = ANY(?))""")
                .params(merged.into(), merged.merged(), duplicates.toArray(UUID[]::new)).update();
        jdbc.sql("""
                UPDATE vuln_finding_source t SET scope = replace(t.scope, ?, ?)
                WHERE t.scope LIKE ? AND NOT EXISTS (SELECT 1 FROM vuln_finding_source o WHERE o.finding_id = t.finding_id
                      AND o.scanner = t.scanner AND o.scope = replace(t.scope, ?, ?))""")
                .params(merged.merged().toString(), merged.into().toString(), merged.merged() + "%",
                        merged.merged().toString(), merged.into().toString())
                .update();
    }

    @EventListener
    void onUpdate(AssetUpdated updated) {
        rescorer.rescoreAsset(updated.assetId());
    }

    @EventListener
    void onDelete(AssetDeleting deleting) {
        long findings = jdbc.sql("SELECT count(*) FROM vuln_finding WHERE asset_id = ?").param(deleting.assetId())
                .query(Long.class).single();
        if (findings > 0) {
            throw ProblemException.conflict("has-findings", "asset " + deleting.name() + " has " + findings
                    + " vulnerability findings; merge it into another asset instead of deleting it");
        }
    }
}
