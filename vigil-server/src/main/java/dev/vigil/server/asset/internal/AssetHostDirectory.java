package dev.vigil.server.asset.internal;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.vigil.server.asset.AssetUpdated;
import dev.vigil.server.asset.AssetsMerged;
import dev.vigil.server.ingest.HostDirectory;
import dev.vigil.server.platform.BackgroundRefresh;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The asset inventory as the event path sees it: every live asset's host names and addresses, per tenant, in memory.
 * The snapshot is rebuilt off the event path when assets change (checked every few seconds by a cheap fingerprint, and
 * at once after an update or merge), so enrichment never waits for the database.
 */
@Component
class AssetHostDirectory implements HostDirectory {

    private static final Logger log = LoggerFactory.getLogger(AssetHostDirectory.class);

    private record Fingerprint(long assets, long identifiers, Timestamp lastUpdate) {
    }

    private final JdbcClient jdbc;
    private final BackgroundRefresh refresh = new BackgroundRefresh("asset-directory", this::rebuild);
    private volatile Map<String, KnownHost> byKey = Map.of();
    private volatile Fingerprint built;

    AssetHostDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<KnownHost> byAddress(String tenant, String address) {
        return HostIdentifiers.address(address).map(value -> byKey.get(key(tenant, "address", value)));
    }

    @Override
    public Optional<KnownHost> byHostname(String tenant, String hostname) {
        return HostIdentifiers.hostname(hostname).map(value -> byKey.get(key(tenant, "hostname", value)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        refresh.request();
    }

    @TransactionalEventListener
    void on(AssetUpdated updated) {
        refresh.request();
    }

    @TransactionalEventListener
    void on(AssetsMerged merged) {
        refresh.request();
    }

    @Scheduled(fixedDelay = 5000, initialDelay = 5000)
    void checkForChanges() {
        if (!fingerprint().equals(built)) {
            refresh.request();
        }
    }

    @PreDestroy
    void stop() {
        refresh.close();
    }

    private Fingerprint fingerprint() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM asset), (SELECT count(*) FROM asset_identifier), (SELECT max(updated_at) FROM asset)""")
                .query((rs, n) -> new Fingerprint(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3))).single();
    }

    private void rebuild() {
        try {
            Fingerprint before = fingerprint();
            Map<String, KnownHost> next = new HashMap<>();
            jdbc.sql("""
                    SELECT i.tenant, i.kind, i.value, a.id, a.name, a.criticality, a.environment
                    FROM asset_identifier i JOIN asset a ON a.id = i.asset_id
                    WHERE a.merged_into IS NULL""")
                    .query(rs -> {
                        next.put(key(rs.getString(1), rs.getString(2), rs.getString(3)),
                                new KnownHost(rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7)));
                    });
            byKey = Map.copyOf(next);
            built = before;
        } catch (RuntimeException e) {
            log.warn("could not rebuild the asset directory for event enrichment; the previous one stays in use", e);
        }
    }

    private static String key(String tenant, String kind, String value) {
        return tenant + '\u0000' + kind + '\u0000' + value;
    }
}
