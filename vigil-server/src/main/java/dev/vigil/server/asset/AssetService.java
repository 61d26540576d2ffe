package dev.vigil.server.asset;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.asset.internal.AssetRows;
import dev.vigil.server.asset.internal.AssetWriter;
import dev.vigil.server.asset.internal.ValidAsset;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset inventory: list, read, create, change and delete assets of the tenants the caller may see, their software
 * and their links. A host name or address belongs to one asset per tenant, so the same system is never filed twice;
 * two assets found to be one are merged.
 */
@Service
public class AssetService {

    public static final int MAX_SOFTWARE = 20_000;

    private final JdbcClient jdbc;
    private final AssetWriter writer;
    private final AccessPolicy access;
    private final TenantScopes tenants;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    AssetService(JdbcClient jdbc, AssetWriter writer, AccessPolicy access, TenantScopes tenants, AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.access = access;
        this.tenants = tenants;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Live assets of the caller's tenants, by name.
     *
     * @param search part of a name, host name or address (case-insensitive), or null
     */
    public List<AssetView> list(String tenant, String kind, String search, int limit, int offset) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw ProblemException.badRequest("invalid-input", "limit must be 1-1000 and offset at least 0");
        }
        StringBuilder sql = new StringBuilder(AssetRows.SELECT).append(" WHERE a.merged_into IS NULL");
        List<Object> params = new ArrayList<>();
        List<String> readable = tenants.slugs("asset", "read");
        if (readable != null) {
            sql.append(" AND a.tenant = ANY(?)");
            params.add(readable.toArray(String[]::new));
        }
        if (tenant != null && !tenant.isBlank()) {
            sql.append(" AND a.tenant = ?");
            params.add(tenant.strip());
        }
        if (kind != null && !kind.isBlank()) {
            sql.append(" AND a.kind = ?");
            params.add(kind.strip());
        }
        if (search != null && !search.isBlank()) {
            sql.append(" AND (a.name ILIKE ? OR EXISTS (SELECT 1 FROM asset_identifier i WHERE i.asset_id = a.id AND i.value ILIKE ?))");
            String pattern = "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(pattern);
            params.add(pattern);
        }
        sql.append(" ORDER BY a.tenant, lower(a.name) LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(AssetRows::map).list();
    }

    /** The asset, or the one it was merged into. */
    public AssetView get(UUID id) {
        UUID live = live(id);
        AssetView asset = writer.find(live).orElseThrow(() -> ProblemException.notFound("asset", id));
        tenants.require("asset", "read", asset.tenant());
        return asset;
    }

    @Transactional
    public AssetView create(AssetChange change) {
        return create(change, "api");
    }

    /** Creates an asset entered through {@code source} (api, console, csv). */
    @Transactional
    public AssetView create(AssetChange change, String source) {
        ValidAsset valid = ValidAsset.of(change, null);
        tenants.require("asset", "update", valid.tenant());
        UUID id = writer.insert(valid, source, access.requireCurrent().username());
        audit.record(AuditEntry.success("asset.create", "asset", id, null, body(valid, source)));
        return writer.find(id).orElseThrow();
    }

    @Transactional
    public AssetView update(UUID id, AssetChange change) {
        return update(id, change, "api");
    }

    @Transactional
    public AssetView update(UUID id, AssetChange change, String source) {
        AssetView before = writable(id);
        ValidAsset valid = ValidAsset.of(change, before);
        writer.update(before.id(), valid, source);
        audit.record(AuditEntry.success("asset.update", "asset", before.id(), null, body(valid, source)));
        events.publishEvent(new AssetUpdated(before.tenant(), before.id()));
        return writer.find(before.id()).orElseThrow();
    }

    /** Deletes the asset with its identifiers, software and links; refused while other features file data under it. */
    @Transactional
    public void delete(UUID id) {
        AssetView asset = writable(id);
        events.publishEvent(new AssetDeleting(asset.tenant(), asset.id(), asset.name()));
        jdbc.sql("UPDATE asset SET merged_into = NULL WHERE merged_into = ?").param(asset.id()).update();
        jdbc.sql("DELETE FROM asset_link WHERE upstream_id = ? OR downstream_id = ?").params(asset.id(), asset.id()).update();
        jdbc.sql("DELETE FROM asset_software WHERE asset_id = ?").param(asset.id()).update();
        jdbc.sql("DELETE FROM asset_identifier WHERE asset_id = ?").param(asset.id()).update();
        jdbc.sql("DELETE FROM asset WHERE id = ?").param(asset.id()).update();
        audit.record(AuditEntry.success("asset.delete", "asset", asset.id(), null,
                Map.of("tenant", asset.tenant(), "name", asset.name())));
    }

    public List<SoftwarePackage> software(UUID id) {
        return writer.software(get(id).id());
    }

    /** Replaces the inventory entries of one source (api, csv or a scanner) with the given packages. */
    @Transactional
    public List<SoftwarePackage> replaceSoftware(UUID id, List<SoftwarePackage> packages, String source) {
        AssetView asset = writable(id);
        if (packages.size() > MAX_SOFTWARE) {
            throw ProblemException.badRequest("invalid-input", "at most " + MAX_SOFTWARE + " packages per asset");
        }
        for (SoftwarePackage p : packages) {
            if (p.name() == null || p.name().isBlank() || p.name().length() > 500 || p.version().length() > 200
                    || p.purl().length() > 2000 || p.cpe().length() > 500 || p.type().length() > 100) {
                throw ProblemException.badRequest("invalid-input",
                        "each package needs a name (at most 500 characters); version, purl, cpe and type have length limits");
            }
            if (!p.purl().isEmpty() && !p.purl().startsWith("pkg:")) {
                throw ProblemException.badRequest("invalid-input", "purl '" + p.purl() + "' does not start with pkg:");
            }
            if (!p.cpe().isEmpty() && !p.cpe().startsWith("cpe:")) {
                throw ProblemException.badRequest("invalid-input", "cpe '" + p.cpe() + "' does not start with cpe:");
            }
        }
        writer.replaceSoftware(asset.id(), packages, source);
        audit.record(AuditEntry.success("asset.software.replace", "asset", asset.id(), null,
                Map.of("source", source, "packages", packages.size())));
        events.publishEvent(new AssetSoftwareChanged(asset.tenant(), asset.id()));
        return software(asset.id());
    }

    /** Links in which the asset is upstream or downstream. */
    public List<AssetLinkView> links(UUID id) {
        AssetView asset = get(id);
        return jdbc.sql("""
                SELECT l.upstream_id, u.name, l.downstream_id, d.name, l.relation FROM asset_link l
                JOIN asset u ON u.id = l.upstream_id JOIN asset d ON d.id = l.downstream_id
                WHERE l.upstream_id = ? OR l.downstream_id = ? ORDER BY u.name, d.name""")
                .params(asset.id(), asset.id())
                .query((rs, row) -> new AssetLinkView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Records that {@code downstream} depends on {@code upstream}; both must belong to the same tenant. */
    @Transactional
    public AssetLinkView link(UUID upstreamId, UUID downstreamId, String relation) {
        AssetView upstream = writable(upstreamId);
        AssetView downstream = writable(downstreamId);
        if (upstream.id().equals(downstream.id())) {
            throw ProblemException.badRequest("invalid-input", "an asset cannot depend on itself");
        }
        if (!upstream.tenant().equals(downstream.tenant())) {
            throw ProblemException.badRequest("invalid-input", "linked assets must belong to the same tenant");
        }
        String rel = relation == null || relation.isBlank() ? "depends-on" : relation.strip();
        if (rel.length() > 100) {
            throw ProblemException.badRequest("invalid-input", "relation is at most 100 characters");
        }
        jdbc.sql("""
                INSERT INTO asset_link (upstream_id, downstream_id, relation) VALUES (?, ?, ?)
                ON CONFLICT (upstream_id, downstream_id) DO UPDATE SET relation = excluded.relation""")
                .params(upstream.id(), downstream.id(), rel).update();
        audit.record(AuditEntry.success("asset.link", "asset", downstream.id(), null,
                Map.of("upstream", upstream.id().toString(), "downstream", downstream.id().toString(), "relation", rel)));
        return new AssetLinkView(upstream.id(), upstream.name(), downstream.id(), downstream.name(), rel);
    }

    @Transactional
    public void unlink(UUID upstreamId, UUID downstreamId) {
        AssetView upstream = writable(upstreamId);
        AssetView downstream = writable(downstreamId);
        if (jdbc.sql("DELETE FROM asset_link WHERE upstream_id = ? AND downstream_id = ?")
                .params(upstream.id(), downstream.id()).update() == 0) {
            throw ProblemException.notFound("asset link", upstream.id() + " -> " + downstream.id());
        }
        audit.record(AuditEntry.success("asset.unlink", "asset", downstream.id(), null,
                Map.of("upstream", upstream.id().toString(), "downstream", downstream.id().toString())));
    }

    /**
     * Merges {@code mergedId} into {@code intoId}: its host names, addresses, software and links move over, it stays
     * as a pointer to the surviving asset, and other features move what they file under it.
     */
    @Transactional
    public AssetView merge(UUID intoId, UUID mergedId) {
        AssetView into = writable(intoId);
        AssetView merged = writable(mergedId);
        if (into.id().equals(merged.id())) {
            throw ProblemException.badRequest("invalid-input", "an asset cannot be merged into itself");
        }
        if (!into.tenant().equals(merged.tenant())) {
            throw ProblemException.badRequest("invalid-input", "only assets of the same tenant can be merged");
        }
        jdbc.sql("UPDATE asset_identifier SET asset_id = ? WHERE asset_id = ?").params(into.id(), merged.id()).update();
        jdbc.sql("""
                INSERT INTO asset_software (asset_id, name, version, purl, cpe, source, seen_at, type)
                SELECT ?, name, version, purl, cpe, source, seen_at, type FROM asset_software WHERE asset_id = ?
                ON CONFLICT (asset_id, name, version, purl) DO NOTHING""").params(into.id(), merged.id()).update();
        jdbc.sql("DELETE FROM asset_software WHERE asset_id = ?").param(merged.id()).update();
        jdbc.sql("""
                INSERT INTO asset_link (upstream_id, downstream_id, relation)
                SELECT CASE WHEN upstream_id = ? THEN ? ELSE upstream_id END,
                       CASE WHEN downstream_id = ? THEN ? ELSE downstream_id END, relation
                FROM asset_link WHERE (upstream_id = ? OR downstream_id = ?)
                  AND NOT (upstream_id IN (?, ?) AND downstream_id IN (?, ?))
                ON CONFLICT (upstream_id, downstream_id) DO NOTHING""")
                .params(merged.id(), into.id(), merged.id(), into.id(), merged.id(), merged.id(),
                        merged.id(), into.id(), merged.id(), into.id())
                .update();
        jdbc.sql("DELETE FROM asset_link WHERE upstream_id = ? OR downstream_id = ?").params(merged.id(), merged.id()).update();
        jdbc.sql("UPDATE asset SET merged_into = ? WHERE merged_into = ?").params(into.id(), merged.id()).update();
        jdbc.sql("""
                UPDATE asset SET merged_into = ?, version = version + 1, updated_at = now() WHERE id = ?""")
                .params(into.id(), merged.id()).update();
        jdbc.sql("""
                UPDATE asset SET last_seen_at = greatest(last_seen_at, CAST(? AS timestamptz)),
                       last_scanned_at = greatest(last_scanned_at, CAST(? AS timestamptz)),
                       criticality = greatest(criticality, ?), internet_exposed = internet_exposed OR ?,
                       version = version + 1, updated_at = now() WHERE id = ?""")
                .params(timestamp(merged.lastSeenAt()), timestamp(merged.lastScannedAt()), merged.criticality(),
                        merged.internetExposed(), into.id())
                .update();
        events.publishEvent(new AssetsMerged(into.tenant(), into.id(), merged.id()));
        events.publishEvent(new AssetUpdated(into.tenant(), into.id()));
        events.publishEvent(new AssetSoftwareChanged(into.tenant(), into.id()));
        audit.record(AuditEntry.success("asset.merge", "asset", into.id(), null,
                Map.of("into", into.id().toString(), "merged", merged.id().toString(), "mergedName", merged.name())));
        return writer.find(into.id()).orElseThrow();
    }

    private AssetView writable(UUID id) {
        AssetView asset = writer.find(live(id)).orElseThrow(() -> ProblemException.notFound("asset", id));
        tenants.require("asset", "update", asset.tenant());
        return asset;
    }

    private UUID live(UUID id) {
        UUID current = id;
        for (int hops = 0; hops < 100; hops++) {
            UUID next = jdbc.sql("SELECT merged_into FROM asset WHERE id = ?").param(current).query(UUID.class)
                    .optional().orElse(null);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    private static Timestamp timestamp(java.time.Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Map<String, Object> body(ValidAsset valid, String source) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", valid.tenant());
        body.put("name", valid.name());
        body.put("kind", valid.kind());
        body.put("criticality", valid.criticality());
        body.put("internetExposed", valid.internetExposed());
        body.put("dataSensitivity", valid.dataSensitivity());
        body.put("hostnames", valid.hostnames());
        body.put("addresses", valid.addresses());
        body.put("source", source);
        return body;
    }
}
