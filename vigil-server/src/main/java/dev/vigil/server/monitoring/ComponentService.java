package dev.vigil.server.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.vigil.monitor.promql.parse.Durations;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.monitoring.internal.ScrapeHealth;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service component catalogue: who owns a component, whose it is, how critical, internal or external, which assets
 * it runs on, which components it depends on (upstream; the reverse are its downstream), and where its metrics are
 * scraped. Dependencies form no cycle. Every change is audited.
 */
@Service
public class ComponentService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");
    private static final List<String> CRITICALITIES = List.of("low", "medium", "high", "critical");
    private static final List<String> EXPOSURES = List.of("internal", "external");
    private static final long MIN_SCRAPE_INTERVAL_MS = 1000;
    private static final String COLUMNS = """
            id, name, description, owner, tenant, criticality, exposure, assets, scrape_url, scrape_interval_ms, created_at, updated_at, probes::text
            """;

    private final JdbcClient jdbc;
    private final TenantScopes tenants;
    private final AuditLog audit;
    private final ScrapeHealth health;

    ComponentService(JdbcClient jdbc, TenantScopes tenants, AuditLog audit, ScrapeHealth health) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
        this.health = health;
    }

    public List<ComponentView> list() {
        List<String> visible = tenants.slugs("monitor", "read");
        return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_component ORDER BY name").query(this::row).list().stream()
                .filter(c -> visible == null || visible.contains(c.tenant())).toList();
    }

    public ComponentView get(UUID id) {
        ComponentView component = find(id).orElseThrow(() -> ProblemException.notFound("component", id));
        tenants.require("monitor", "read", component.tenant());
        return component;
    }

    /** The component of this name, without a caller check (monitor validation and evaluation). */
    public Optional<ComponentView> byName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_component WHERE name = ?").param(name).query(this::row).optional();
    }

    /** Every component with probes (the prober's targets), without a caller check. */
    public List<ComponentView> probeTargets() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_component WHERE probes <> '[]'::jsonb ORDER BY name")
                .query(this::row).list();
    }

    /** Every component with a scrape endpoint (the scraper's targets), without a caller check. */
    public List<ComponentView> scrapeTargets() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_component WHERE scrape_url IS NOT NULL ORDER BY name")
                .query(this::row).list();
    }

    @Transactional
    public ComponentView create(ComponentChange change) {
        Valid valid = validate(change);
        tenants.require("monitor", "change", valid.tenant);
        if (byName(valid.name).isPresent()) {
            throw ProblemException.conflict("component-exists", "a component named '" + valid.name + "' already exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO monitoring_component (id, name, description, owner, tenant, criticality, exposure, assets, scrape_url,
                    scrape_interval_ms, probes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(id, valid.name, valid.description, valid.owner, valid.tenant, valid.criticality, valid.exposure,
                        valid.assets.toArray(String[]::new), valid.scrapeUrl, valid.scrapeIntervalMs, Probe.toJson(valid.probes))
                .update();
        setUpstream(id, valid.upstream);
        ComponentView created = find(id).orElseThrow();
        audit.record(AuditEntry.success("component.create", "component", id, null, Map.of("after", created)));
        return created;
    }

    @Transactional
    public ComponentView update(UUID id, ComponentChange change) {
        ComponentView before = get(id);
        tenants.require("monitor", "change", before.tenant());
        Valid valid = validate(change);
        tenants.require("monitor", "change", valid.tenant);
        if (!valid.name.equals(before.name()) && byName(valid.name).isPresent()) {
            throw ProblemException.conflict("component-exists", "a component named '" + valid.name + "' already exists");
        }
        if (!valid.name.equals(before.name()) && monitorsOn(before.name()) > 0) {
            throw ProblemException.conflict("component-in-use", "monitors target component '" + before.name()
                    + "'; change them before renaming it");
        }
        jdbc.sql("""
                UPDATE monitoring_component SET name = ?, description = ?, owner = ?, tenant = ?, criticality = ?, exposure = ?,
                    assets = ?, scrape_url = ?, scrape_interval_ms = ?, probes = ?::jsonb, updated_at = now() WHERE id = ?""")
                .params(valid.name, valid.description, valid.owner, valid.tenant, valid.criticality, valid.exposure,
                        valid.assets.toArray(String[]::new), valid.scrapeUrl, valid.scrapeIntervalMs, Probe.toJson(valid.probes), id)
                .update();
        setUpstream(id, valid.upstream);
        ComponentView after = find(id).orElseThrow();
        audit.record(AuditEntry.success("component.update", "component", id, null, Map.of("before", before, "after", after)));
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        ComponentView before = get(id);
        tenants.require("monitor", "change", before.tenant());
        if (!before.downstream().isEmpty()) {
            throw ProblemException.conflict("component-in-use", "components " + before.downstream() + " depend on '" + before.name()
                    + "'; remove those dependencies first");
        }
        if (monitorsOn(before.name()) > 0) {
            throw ProblemException.conflict("component-in-use", "monitors target component '" + before.name() + "'; delete or retarget them first");
        }
        jdbc.sql("DELETE FROM monitoring_component WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("component.delete", "component", id, null, Map.of("before", before)));
    }

    private int monitorsOn(String component) {
        return jdbc.sql("SELECT count(*) FROM monitor WHERE NOT deleted AND definition->'target'->>'component' = ?")
                .param(component).query(Integer.class).single();
    }

    private void setUpstream(UUID id, List<String> upstreamNames) {
        List<UUID> upstream = new ArrayList<>();
        for (String name : upstreamNames) {
            ComponentView dependency = byName(name).orElseThrow(() -> ProblemException.badRequest("invalid-component",
                    "upstream component '" + name + "' does not exist"));
            if (dependency.id().equals(id)) {
                throw ProblemException.badRequest("invalid-component", "a component cannot depend on itself");
            }
            upstream.add(dependency.id());
        }
        jdbc.sql("DELETE FROM monitoring_component_dependency WHERE component_id = ?").param(id).update();
        for (UUID up : upstream) {
            jdbc.sql("INSERT INTO monitoring_component_dependency (component_id, upstream_id) VALUES (?, ?)").params(id, up).update();
        }
        List<String> cycle = cycleThrough(id);
        if (!cycle.isEmpty()) {
            throw ProblemException.badRequest("dependency-cycle", "dependencies would form a cycle: " + String.join(" -> ", cycle));
        }
    }

    /** A path id -> ... -> id over upstream edges, as names, or empty. */
    private List<String> cycleThrough(UUID id) {
        Map<UUID, List<UUID>> edges = new LinkedHashMap<>();
        jdbc.sql("SELECT component_id, upstream_id FROM monitoring_component_dependency").query((rs, n) -> {
            edges.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
            return null;
        }).list();
        Deque<UUID> path = new ArrayDeque<>();
        path.add(id);
        if (!reaches(id, id, edges, path, new HashSet<>())) {
            return List.of();
        }
        return path.stream().map(this::nameOf).toList();
    }

    private static boolean reaches(UUID from, UUID goal, Map<UUID, List<UUID>> edges, Deque<UUID> path, Set<UUID> seen) {
        for (UUID next : edges.getOrDefault(from, List.of())) {
            path.addLast(next);
            if (next.equals(goal) || seen.add(next) && reaches(next, goal, edges, path, seen)) {
                return true;
            }
            path.removeLast();
        }
        return false;
    }

    private String nameOf(UUID id) {
        return jdbc.sql("SELECT name FROM monitoring_component WHERE id = ?").param(id).query(String.class).single();
    }

    private Optional<ComponentView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_component WHERE id = ?").param(id).query(this::row).optional();
    }

    private ComponentView row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        List<String> upstream = jdbc.sql("""
                SELECT c.name FROM monitoring_component_dependency d JOIN monitoring_component c ON c.id = d.upstream_id
                WHERE d.component_id = ? ORDER BY c.name""").param(id).query(String.class).list();
        List<String> downstream = jdbc.sql("""
                SELECT c.name FROM monitoring_component_dependency d JOIN monitoring_component c ON c.id = d.component_id
                WHERE d.upstream_id = ? ORDER BY c.name""").param(id).query(String.class).list();
        long interval = rs.getLong(10);
        String url = rs.getString(9);
        return new ComponentView(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), Arrays.asList((String[]) rs.getArray(8).getArray()), upstream, downstream, url,
                url == null ? null : Durations.format(interval), url == null ? "not scraped" : health.of(rs.getString(2)),
                Probe.fromJson(rs.getString(13)),
                ((Timestamp) rs.getTimestamp(11)).toInstant(), rs.getTimestamp(12).toInstant());
    }

    private record Valid(String name, String description, String owner, String tenant, String criticality, String exposure,
                         List<String> assets, List<String> upstream, String scrapeUrl, Long scrapeIntervalMs, List<Probe> probes) {
    }

    private static Valid validate(ComponentChange c) {
        if (c == null) {
            throw ProblemException.badRequest("invalid-component", "send a component as JSON");
        }
        String name = required(c.name(), "name");
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.badRequest("invalid-component", "name '" + name
                    + "' must be 1-100 lower-case letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        String owner = required(c.owner(), "owner");
        String criticality = required(c.criticality(), "criticality");
        if (!CRITICALITIES.contains(criticality)) {
            throw ProblemException.badRequest("invalid-component", "criticality must be one of " + CRITICALITIES);
        }
        String exposure = required(c.exposure(), "exposure");
        if (!EXPOSURES.contains(exposure)) {
            throw ProblemException.badRequest("invalid-component", "exposure must be internal or external");
        }
        String tenant = c.tenant() == null || c.tenant().isBlank() ? "platform" : c.tenant().strip();
        String url = c.scrapeUrl() == null || c.scrapeUrl().isBlank() ? null : c.scrapeUrl().strip();
        Long interval = null;
        if (url != null) {
            if (!url.matches("^https?://[^\\s/]+(/[^\\s]*)?$")) {
                throw ProblemException.badRequest("invalid-component", "scrapeUrl must be an http(s) URL, e.g. http://host:9100/metrics");
            }
            try {
                interval = c.scrapeInterval() == null || c.scrapeInterval().isBlank() ? 15_000L : Durations.parse(c.scrapeInterval().strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-component", "scrapeInterval: " + e.getMessage());
            }
            if (interval < MIN_SCRAPE_INTERVAL_MS) {
                throw ProblemException.badRequest("invalid-component", "scrapeInterval must be at least 1s");
            }
        }
        List<String> assets = c.assets() == null ? List.of() : c.assets().stream().map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        List<String> upstream = c.upstream() == null ? List.of() : c.upstream().stream().map(String::strip).distinct().toList();
        List<Probe> probes = c.probes() == null ? List.of() : c.probes().stream().map(Probe::validated).toList();
        Set<String> labels = new HashSet<>();
        for (Probe probe : probes) {
            if (!labels.add(probe.label())) {
                throw ProblemException.badRequest("invalid-component", "probe " + probe.label() + " is listed twice");
            }
        }
        return new Valid(name, c.description() == null ? "" : c.description().strip(), owner, tenant, criticality, exposure, assets,
                upstream, url, interval, probes);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("invalid-component", "missing required field " + field);
        }
        return value.strip();
    }
}
