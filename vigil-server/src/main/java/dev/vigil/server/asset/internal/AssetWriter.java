package dev.vigil.server.asset.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.asset.AssetView;
import dev.vigil.server.asset.SoftwarePackage;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL that writes asset rows and their identifiers; callers check permissions and audit. */
@Component
public class AssetWriter {

    private final JdbcClient jdbc;

    AssetWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AssetView> find(UUID id) {
        return jdbc.sql(AssetRows.SELECT + " WHERE a.id = ?").param(id).query(AssetRows::map).optional();
    }

    /** The live asset (not merged away) of the tenant owning this name, host name or address. */
    public Optional<UUID> findLive(String tenant, String kind, String value) {
        if (kind.equals("name")) {
            return jdbc.sql("SELECT id FROM asset WHERE tenant = ? AND lower(name) = lower(?) AND merged_into IS NULL")
                    .params(tenant, value).query(UUID.class).optional();
        }
        return jdbc.sql("SELECT asset_id FROM asset_identifier WHERE tenant = ? AND kind = ? AND value = ?")
                .params(tenant, kind, value).query(UUID.class).optional();
    }

    public UUID insert(ValidAsset asset, String source, String by) {
        UUID id = UUID.randomUUID();
        requireFreeName(asset.tenant(), asset.name(), null);
        requireFreeIdentifiers(asset, null);
        jdbc.sql("""
                INSERT INTO asset (id, tenant, name, kind, owner, environment, criticality, internet_exposed, data_sensitivity,
                                   tags, description, source, last_seen_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)""")
                .params(id, asset.tenant(), asset.name(), asset.kind(), asset.owner(), asset.environment(),
                        asset.criticality(), asset.internetExposed(), asset.dataSensitivity(),
                        asset.tags().toArray(String[]::new), asset.description(), source, by)
                .update();
        writeIdentifiers(id, asset, source);
        return id;
    }

    /**
     * Inserts an asset without identifiers unless the tenant has one of that name already (also one that a concurrent
     * transaction is inserting: the insert waits for it); returns the new id, or empty when the name is taken.
     */
    public Optional<UUID> insertIfNameFree(ValidAsset asset, String source, String by) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO asset (id, tenant, name, kind, owner, environment, criticality, internet_exposed, data_sensitivity,
                                   tags, description, source, last_seen_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                ON CONFLICT (tenant, lower(name)) WHERE merged_into IS NULL DO NOTHING""")
                .params(id, asset.tenant(), asset.name(), asset.kind(), asset.owner(), asset.environment(),
                        asset.criticality(), asset.internetExposed(), asset.dataSensitivity(),
                        asset.tags().toArray(String[]::new), asset.description(), source, by)
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    public void update(UUID id, ValidAsset asset, String source) {
        requireFreeName(asset.tenant(), asset.name(), id);
        requireFreeIdentifiers(asset, id);
        jdbc.sql("""
                UPDATE asset SET name = ?, kind = ?, owner = ?, environment = ?, criticality = ?, internet_exposed = ?,
                       data_sensitivity = ?, tags = ?, description = ?, version = version + 1, updated_at = now()
                WHERE id = ?""")
                .params(asset.name(), asset.kind(), asset.owner(), asset.environment(), asset.criticality(),
                        asset.internetExposed(), asset.dataSensitivity(), asset.tags().toArray(String[]::new),
                        asset.description(), id)
                .update();
        jdbc.sql("DELETE FROM asset_identifier WHERE asset_id = ?").param(id).update();
        writeIdentifiers(id, asset, source);
    }

    /** Adds a host name or address the asset was seen under; false when another asset already owns it. */
    public boolean addIdentifier(UUID id, String tenant, String kind, String value, String source) {
        return jdbc.sql("""
                INSERT INTO asset_identifier (asset_id, tenant, kind, value, source) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant, kind, value) DO NOTHING""").params(id, tenant, kind, value, source).update() == 1
                || findLive(tenant, kind, value).map(id::equals).orElse(false);
    }

    public void touch(UUID id, Instant seenAt) {
        jdbc.sql("UPDATE asset SET last_seen_at = greatest(coalesce(last_seen_at, ?), ?) WHERE id = ?")
                .params(Timestamp.from(seenAt), Timestamp.from(seenAt), id).update();
    }

    /** Replaces the inventory entries learnt from one source with the given packages. */
    public List<SoftwarePackage> software(UUID id) {
        return jdbc.sql("""
                SELECT name, version, purl, cpe, source, seen_at, type FROM asset_software WHERE asset_id = ?
                ORDER BY lower(name), version""").param(id)
                .query((rs, row) -> new SoftwarePackage(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }

    public void replaceSoftware(UUID id, List<SoftwarePackage> packages, String source) {
        jdbc.sql("DELETE FROM asset_software WHERE asset_id = ? AND source = ?").params(id, source).update();
        Timestamp now = Timestamp.from(Instant.now());
        for (SoftwarePackage p : packages) {
            jdbc.sql("""
                    INSERT INTO asset_software (asset_id, name, version, purl, cpe, source, seen_at, type)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (asset_id, name, version, purl) DO UPDATE SET cpe = excluded.cpe, seen_at = excluded.seen_at,
                        type = excluded.type""")
                    .params(id, p.name().strip(), p.version().strip(), p.purl().strip(), p.cpe().strip(), source, now, p.type())
                    .update();
        }
    }

    private void writeIdentifiers(UUID id, ValidAsset asset, String source) {
        for (String hostname : asset.hostnames()) {
            jdbc.sql("INSERT INTO asset_identifier (asset_id, tenant, kind, value, source) VALUES (?, ?, 'hostname', ?, ?)")
                    .params(id, asset.tenant(), hostname, source).update();
        }
        for (String address : asset.addresses()) {
            jdbc.sql("INSERT INTO asset_identifier (asset_id, tenant, kind, value, source) VALUES (?, ?, 'address', ?, ?)")
                    .params(id, asset.tenant(), address, source).update();
        }
    }

    private void requireFreeName(String tenant, String name, UUID self) {
        findLive(tenant, "name", name).filter(other -> !other.equals(self)).ifPresent(other -> {
            throw ProblemException.conflict("duplicate", "tenant " + tenant + " has an asset named '" + name + "' ("
                    + other + "); update it or merge the two");
        });
    }

    private void requireFreeIdentifiers(ValidAsset asset, UUID self) {
        for (Map.Entry<String, List<String>> kind : Map.of("hostname", asset.hostnames(), "address", asset.addresses())
                .entrySet()) {
            for (String value : kind.getValue()) {
                findLive(asset.tenant(), kind.getKey(), value).filter(other -> !other.equals(self)).ifPresent(other -> {
                    throw ProblemException.conflict("duplicate", kind.getKey() + " " + value + " already belongs to asset "
                            + other + " of tenant " + asset.tenant() + "; update that asset or merge the two");
                });
            }
        }
    }
}
