package dev.vigil.server.incident.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds incidents within the caller's tenant scope (read, update) and writes the timeline entries every change leaves.
 * An incident of a tenant the caller may not read does not exist for them (404).
 */
@Component
public class IncidentStore {

    private final JdbcClient jdbc;
    private final TenantScopes scopes;
    private final AccessPolicy access;
    private final TenantService tenantService;
    private final Clock clock;

    IncidentStore(JdbcClient jdbc, TenantScopes scopes, AccessPolicy access, TenantService tenantService, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.access = access;
        this.tenantService = tenantService;
        this.clock = clock;
    }

    /** The slug of a tenant id. */
    public String tenantSlug(UUID id) {
        return tenantService.all().stream().filter(t -> t.id().equals(id)).map(TenantView::slug).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown-tenant", "no tenant " + id));
    }

    /** The id of a tenant slug for audit records; null for the provider's own slug. */
    public UUID tenantId(String slug) {
        return tenantService.all().stream().filter(t -> t.slug().equals(slug)).map(TenantView::id).findFirst().orElse(null);
    }

    /** The tenant slugs whose incidents the caller may act on this way, or null for all. */
    public List<String> tenants(String action) {
        return scopes.slugs("incident", action);
    }

    public IncidentRow read(UUID id) {
        IncidentRow row = jdbc.sql("SELECT " + IncidentRow.COLUMNS + " FROM incident WHERE id = ?").param(id)
                .query(IncidentRow::map).optional().orElseThrow(() -> ProblemException.notFound("incident", id));
        List<String> visible = tenants("read");
        if (visible != null && !visible.contains(row.tenant())) {
            throw ProblemException.notFound("incident", id);
        }
        return row;
    }

    /** Locks the incident for a change by the caller, who needs the action on its tenant. */
    public IncidentRow lock(UUID id, String action) {
        IncidentRow row = read(id);
        List<String> allowed = tenants(action);
        if (allowed != null && !allowed.contains(row.tenant())) {
            throw ProblemException.forbidden("forbidden", "missing permission incident:" + action + " for tenant " + row.tenant());
        }
        return jdbc.sql("SELECT " + IncidentRow.COLUMNS + " FROM incident WHERE id = ? FOR UPDATE").param(id)
                .query(IncidentRow::map).single();
    }

    /** Refuses changes to a closed or reviewed case (they are records now). */
    public IncidentRow lockOpen(UUID id, String action) {
        IncidentRow row = lock(id, action);
        if (row.phase().equals("closed") || row.phase().equals("reviewed")) {
            throw ProblemException.conflict("incident-closed", row.ref() + " is " + row.phase() + "; reopen it (transition to investigating) first");
        }
        return row;
    }

    public String caller() {
        return access.requireCurrent().username();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Marks the incident updated (open pages reload on it). */
    public void touch(UUID incidentId) {
        jdbc.sql("UPDATE incident SET updated_at = ? WHERE id = ?").params(Timestamp.from(now()), incidentId).update();
    }

    /** Adds a timeline entry and marks the incident updated. */
    public void note(UUID incidentId, String kind, String actor, String text) {
        Instant now = now();
        jdbc.sql("INSERT INTO incident_timeline (id, incident_id, at, kind, actor, text) VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), incidentId, Timestamp.from(now), kind, actor, text).update();
        touch(incidentId);
    }
}
