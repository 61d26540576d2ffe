package dev.vigil.server.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tenants. Readers with a tenant-scoped permission see only their own tenant. */
@Service
public class TenantService {

    /** Not a tenant: what belongs to no customer (the provider's own sources and records) is filed under it. */
    public static final String RESERVED_SLUG = "platform";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AccessPolicy access;

    TenantService(JdbcClient jdbc, AuditLog audit, AccessPolicy access) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
    }

    public List<TenantView> listVisible() {
        VigilPrincipal caller = access.requireCurrent();
        return all().stream().filter(t -> caller.can("tenant", "read", t.id())).toList();
    }

    public List<TenantView> all() {
        return jdbc.sql("SELECT id, slug, name, description, created_at FROM tenant ORDER BY slug").query(TenantService::map).list();
    }

    public TenantView get(UUID id) {
        TenantView tenant = find(id);
        access.require("tenant", "read", id);
        return tenant;
    }

    public boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM tenant WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    @Transactional
    public TenantView create(String slug, String name, String description) {
        access.require("tenant", "create", null);
        if (RESERVED_SLUG.equals(slug)) {
            throw ProblemException.badRequest("reserved-slug", "'" + RESERVED_SLUG
                    + "' names the provider's own data (events, audit records without a tenant); choose another slug");
        }
        if (jdbc.sql("SELECT count(*) FROM tenant WHERE slug = ?").param(slug).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "a tenant with slug '" + slug + "' already exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO tenant (id, slug, name, description) VALUES (?, ?, ?, ?)").params(id, slug, name, description).update();
        audit.record(AuditEntry.success("tenant.create", "tenant", id, id, Map.of("slug", slug, "name", name)));
        return find(id);
    }

    @Transactional
    public TenantView update(UUID id, String name, String description) {
        TenantView before = find(id);
        access.require("tenant", "update", id);
        jdbc.sql("UPDATE tenant SET name = ?, description = ?, updated_at = now() WHERE id = ?").params(name, description, id).update();
        TenantView after = find(id);
        audit.record(AuditEntry.success("tenant.update", "tenant", id, id, Map.of(
                "before", Map.of("name", before.name(), "description", before.description()),
                "after", Map.of("name", after.name(), "description", after.description()))));
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        TenantView tenant = find(id);
        access.require("tenant", "delete", id);
        long users = jdbc.sql("SELECT count(*) FROM app_user WHERE tenant_id = ?").param(id).query(Long.class).single();
        if (users > 0) {
            throw ProblemException.conflict("tenant-in-use", "tenant '" + tenant.slug() + "' still has " + users + " user(s)");
        }
        jdbc.sql("DELETE FROM tenant WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("tenant.delete", "tenant", id, id, Map.of("slug", tenant.slug(), "name", tenant.name())));
    }

    private TenantView find(UUID id) {
        return jdbc.sql("SELECT id, slug, name, description, created_at FROM tenant WHERE id = ?").param(id)
                .query(TenantService::map).optional().orElseThrow(() -> ProblemException.notFound("tenant", id));
    }

    private static TenantView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TenantView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }
}
