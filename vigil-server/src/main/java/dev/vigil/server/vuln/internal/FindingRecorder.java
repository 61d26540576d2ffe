package dev.vigil.server.vuln.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.asset.AssetView;
import dev.vigil.vuln.assess.Assessment;
import dev.vigil.vuln.assess.FindingAssessor;
import dev.vigil.vuln.report.Finding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records what a source (a scanner import or advisory matching) reports about an asset under the finding's stable
 * identity: a new finding, an update, or a reopening of a fixed one; and closes the findings that the same source
 * and scope reported before but not in its latest run. Callers check permissions and audit.
 */
@Component
public class FindingRecorder {

    public enum Outcome { CREATED, UPDATED, REOPENED }

    private final JdbcClient jdbc;
    private final FindingWriter writer;
    private final Enrichment enrichment;

    FindingRecorder(JdbcClient jdbc, FindingWriter writer, Enrichment enrichment) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.enrichment = enrichment;
    }

    /**
     * @param runId  the {@code vuln_import} row of this run
     * @param origin names the run in history entries, e.g. {@code report.json}
     */
    public Outcome record(String tenant, AssetView asset, String identity, Finding finding, String scope, UUID runId,
            String origin, String actor, Instant now) {
        Optional<FindingWriter.Stored> stored = writer.lock(asset.id(), identity);
        UUID id;
        Instant firstSeen;
        Outcome outcome;
        if (stored.isEmpty()) {
            id = writer.insert(tenant, asset.id(), identity, finding, now);
            firstSeen = now;
            writer.history(id, null, "new", "reported by " + finding.scanner() + " in " + origin, actor);
            if (finding.status() != null && FindingLifecycle.SUPPRESSED_BY_REPORT.contains(finding.status().toLowerCase())) {
                writer.transition(id, "new", "false_positive", "the report says " + finding.status(), actor);
            }
            outcome = Outcome.CREATED;
        } else {
            id = stored.get().id();
            firstSeen = stored.get().firstSeen();
            outcome = Outcome.UPDATED;
            if (FindingLifecycle.REOPENABLE.contains(stored.get().status())) {
                writer.transition(id, stored.get().status(), "reopened", "seen again by " + finding.scanner()
                        + " in " + origin, actor);
                outcome = Outcome.REOPENED;
            }
        }
        writer.report(id, finding, now);
        Enrichment.Facts facts = enrichment.of(finding.vulnerabilityId(), finding.aliases());
        Assessment assessment = FindingAssessor.assess(finding.cvssVector(), finding.cvssScore(), finding.severity(),
                facts.kev(), facts.epss(), asset.criticality());
        writer.score(id, assessment, facts, firstSeen);
        writer.source(id, finding.scanner(), scope, runId);
        return outcome;
    }

    /** Findings the source reported in these scopes before run {@code runId} but not in it; returns how many closed. */
    public int closeGone(String source, Set<String> scopes, UUID runId, String origin, String actor) {
        List<UUID> gone = jdbc.sql("""
                UPDATE vuln_finding_source SET present = false
                WHERE scanner = ? AND scope = ANY(?) AND present AND last_import_id <> ? RETURNING finding_id""")
                .params(source, scopes.toArray(String[]::new), runId)
                .query(UUID.class).list();
        int closed = 0;
        for (UUID id : gone) {
            boolean stillReported = jdbc.sql("SELECT count(*) FROM vuln_finding_source WHERE finding_id = ? AND present")
                    .param(id).query(Long.class).single() > 0;
            String status = jdbc.sql("SELECT status FROM vuln_finding WHERE id = ? FOR UPDATE").param(id)
                    .query(String.class).single();
            String next = FindingLifecycle.whenGone(status);
            if (!stillReported && next != null) {
                writer.transition(id, status, next, "no longer reported by " + source + " in " + origin, actor);
                closed++;
            }
        }
        return closed;
    }
}
