package dev.vigil.server.asset;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.asset.internal.AssetRows;
import dev.vigil.server.asset.internal.AssetWriter;
import dev.vigil.server.asset.internal.HostIdentifiers;
import dev.vigil.server.asset.internal.ValidAsset;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Binds what scanners and events observe to assets: a host name, address or name is looked up among the tenant's
 * assets (addresses and host names first, then names) and the asset is created when it is new. An asset found by one
 * identifier learns the others it was seen with, which is how the same host under different names stays one asset.
 * Callers have already checked the caller's permission for the tenant.
 */
@Service
public class AssetRegistry {

    private final JdbcClient jdbc;
    private final AssetWriter writer;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    AssetRegistry(JdbcClient jdbc, AssetWriter writer, AccessPolicy access, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    /** An observed system: its name as the source gave it and the other identifiers seen with it. */
    public record Observation(String name, String kind, List<String> otherIdentifiers) {
        public Observation {
            otherIdentifiers = otherIdentifiers == null ? List.of() : List.copyOf(otherIdentifiers);
        }
    }

    /** The existing asset of the observation, if any, without creating one. */
    public Optional<UUID> find(String tenant, String observed) {
        Optional<String> address = HostIdentifiers.address(observed);
        if (address.isPresent()) {
            Optional<UUID> found = writer.findLive(tenant, "address", address.get());
            if (found.isPresent()) {
                return found;
            }
        }
        Optional<String> hostname = HostIdentifiers.hostname(observed);
        if (hostname.isPresent()) {
            Optional<UUID> found = writer.findLive(tenant, "hostname", hostname.get());
            if (found.isPresent()) {
                return found;
            }
        }
        return writer.findLive(tenant, "name", observed.strip());
    }

    /**
     * The asset of the observation, created with {@code source} (scan, discovery) when none matches.
     *
     * @return the asset id and whether it was created
     */
    @Transactional
    public Resolved resolve(String tenant, Observation observation, String source, Instant seenAt) {
        String name = observation.name().strip();
        Optional<UUID> existing = find(tenant, name);
        for (String other : observation.otherIdentifiers()) {
            if (existing.isPresent()) {
                break;
            }
            existing = find(tenant, other);
        }
        UUID id;
        boolean created = false;
        if (existing.isPresent()) {
            id = existing.get();
        } else {
            String assetName = name.length() > 255 ? name.substring(0, 255) : name;
            Optional<UUID> inserted = create(tenant, assetName, observation.kind(), source);
            created = inserted.isPresent();
            // a concurrent import created it meanwhile
            id = inserted.orElseGet(() -> writer.findLive(tenant, "name", assetName).orElseThrow());
        }
        learn(id, tenant, name, source);
        for (String other : observation.otherIdentifiers()) {
            learn(id, tenant, other, source);
        }
        writer.touch(id, seenAt);
        return new Resolved(id, created);
    }

    /** The asset an observation resolved to. */
    public record Resolved(UUID assetId, boolean created) {
    }

    /** Notes a vulnerability scan of the asset. */
    @Transactional
    public void recordScan(UUID assetId, Instant scannedAt) {
        jdbc.sql("UPDATE asset SET last_scanned_at = greatest(coalesce(last_scanned_at, ?), ?) WHERE id = ?")
                .params(Timestamp.from(scannedAt), Timestamp.from(scannedAt), assetId).update();
    }

    /** Replaces what the given scanner reported as installed on the asset. */
    @Transactional
    public void recordSoftware(UUID assetId, List<SoftwarePackage> packages, String scanner) {
        writer.replaceSoftware(assetId, packages.stream().limit(AssetService.MAX_SOFTWARE).toList(), scanner);
        writer.find(assetId).ifPresent(asset -> events.publishEvent(new AssetSoftwareChanged(asset.tenant(), assetId)));
    }

    /** The asset's software inventory from every source, for matching jobs; no permission check. */
    public List<SoftwarePackage> software(UUID assetId) {
        return writer.software(assetId);
    }

    /** Name, tenant and the attributes findings and risk depend on, without a permission check. */
    public Optional<AssetView> describe(UUID assetId) {
        return writer.find(assetId);
    }

    /** The live assets of a tenant, for system jobs (risk history); no permission check. */
    public List<AssetView> liveAssets(String tenant) {
        return jdbc.sql(AssetRows.SELECT + " WHERE a.tenant = ? AND a.merged_into IS NULL ORDER BY lower(a.name)")
                .param(tenant).query(AssetRows::map).list();
    }

    /**
     * Tenants with a live asset whose software inventory lists the package (name compared case-insensitively) in one
     * of the versions, for features that notify them (advisories); no permission check.
     */
    public List<String> tenantsUsingSoftware(String name, Collection<String> versions) {
        return jdbc.sql("""
                SELECT DISTINCT a.tenant FROM asset a JOIN asset_software s ON s.asset_id = a.id
                WHERE a.merged_into IS NULL AND lower(s.name) = lower(?) AND s.version = ANY(?) ORDER BY a.tenant""")
                .params(name, versions.toArray(String[]::new)).query(String.class).list();
    }

    /** Tenants that have assets. */
    public List<String> tenantsWithAssets() {
        return jdbc.sql("SELECT DISTINCT tenant FROM asset WHERE merged_into IS NULL ORDER BY tenant").query(String.class).list();
    }

    private Optional<UUID> create(String tenant, String name, String kind, String source) {
        ValidAsset asset = ValidAsset.of(new AssetChange(tenant, name, kind, null, null, null, null, null, null,
                "created from " + source, null, null), null);
        Optional<VigilPrincipal> caller = access.current();
        Optional<UUID> inserted = writer.insertIfNameFree(asset, source,
                caller.map(VigilPrincipal::username).orElse("system:asset-" + source));
        if (inserted.isEmpty()) {
            return inserted;
        }
        UUID id = inserted.get();
        AuditEntry entry = AuditEntry.success("asset.create", "asset", id, null,
                Map.of("tenant", tenant, "name", name, "kind", asset.kind(), "source", source));
        audit.record(caller.isPresent() ? entry : entry.by(Actor.systemJob("asset-" + source)));
        return inserted;
    }

    private void learn(UUID id, String tenant, String observed, String source) {
        HostIdentifiers.address(observed).ifPresent(address -> writer.addIdentifier(id, tenant, "address", address, source));
        HostIdentifiers.hostname(observed).ifPresent(host -> writer.addIdentifier(id, tenant, "hostname", host, source));
    }
}
