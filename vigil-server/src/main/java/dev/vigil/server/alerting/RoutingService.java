package dev.vigil.server.alerting;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.vigil.monitor.routing.AlertmanagerConfig;
import dev.vigil.server.alerting.internal.notify.ReceiverStore;
import dev.vigil.server.alerting.internal.notify.RoutingConfig;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert routing tree, in Alertmanager's configuration format (route, receivers, time_intervals, inhibit_rules),
 * versioned: each change is a new version, audited, and every version is kept. Its receivers name Vigil receivers.
 * With a tree, it decides who is told of an alert (the receivers' own filters then do not apply); without one, the
 * receivers' filters do.
 */
@Service
public class RoutingService {

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ReceiverStore receivers;
    private volatile Cached cached = new Cached(-1, null);

    private record Cached(int version, AlertmanagerConfig config) {
    }

    RoutingService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, ReceiverStore receivers) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.receivers = receivers;
    }

    public Optional<RoutingView> current() {
        access.require("alert", "configure", null);
        return latest();
    }

    public List<RoutingView> versions() {
        access.require("alert", "configure", null);
        return jdbc.sql("SELECT version, yaml, created_by, created_at FROM alert_routing ORDER BY version DESC")
                .query((rs, n) -> new RoutingView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    /** Stores a new version after checking it; an empty text switches routing off. */
    @Transactional
    public RoutingView set(String yaml) {
        String text = yaml == null ? "" : yaml;
        String user = access.require("alert", "configure", null).username();
        if (!text.isBlank()) {
            AlertmanagerConfig config = RoutingConfig.parse(text);
            List<String> unknown = config.receivers().keySet().stream().filter(name -> receivers.byName(name).isEmpty()).sorted().toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.badRequest("invalid-routing", "receivers " + unknown
                        + " are not Vigil receivers (create them with POST /api/v1/alerting/receivers first)");
            }
        }
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM alert_routing").query(Integer.class).single();
        jdbc.sql("INSERT INTO alert_routing (version, yaml, created_by) VALUES (?, ?, ?)").params(version, text, user).update();
        audit.record(AuditEntry.success(text.isBlank() ? "routing.disable" : "routing.update", "alert-routing", version, null,
                Map.of("version", version, "yaml", text)));
        return latest().orElseThrow();
    }

    /** The tree in force, parsed once per version; empty without one. Used on the notification path (no caller check). */
    public Optional<AlertmanagerConfig> inForce() {
        Optional<RoutingView> latest = latest();
        if (latest.isEmpty() || latest.get().yaml().isBlank()) {
            return Optional.empty();
        }
        Cached current = cached;
        if (current.version() != latest.get().version()) {
            current = new Cached(latest.get().version(), RoutingConfig.parse(latest.get().yaml()));
            cached = current;
        }
        return Optional.of(current.config());
    }

    private Optional<RoutingView> latest() {
        return jdbc.sql("SELECT version, yaml, created_by, created_at FROM alert_routing ORDER BY version DESC LIMIT 1")
                .query((rs, n) -> new RoutingView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .optional();
    }
}
