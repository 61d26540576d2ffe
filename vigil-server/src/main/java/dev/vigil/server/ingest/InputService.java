package dev.vigil.server.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.events.EventFormat;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.ingest.internal.InputDirectory;
import dev.vigil.server.ingest.internal.InputRows;
import dev.vigil.server.ingest.internal.SourceRange;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Configured inputs: create, change, delete, list. Every change is audited and reaches the event path at commit. */
@Service
public class InputService {

    /** The tenant of the provider's own sources (events that belong to no customer). */
    public static final String PLATFORM_TENANT = TenantService.RESERVED_SLUG;

    private final JdbcClient jdbc;
    private final InputRows rows;
    private final InputDirectory directory;
    private final TenantService tenants;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    InputService(JdbcClient jdbc, InputRows rows, InputDirectory directory, TenantService tenants, AccessPolicy access,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.directory = directory;
        this.tenants = tenants;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public List<InputView> list() {
        VigilPrincipal caller = access.requireCurrent();
        Map<String, UUID> tenantIds = tenantIdsBySlug();
        return rows.all().stream().filter(i -> mayRead(caller, i, tenantIds)).toList();
    }

    /** Every input, for system jobs (asset coverage in risk scores); no caller check. */
    public List<InputView> listForJobs() {
        return rows.all();
    }

    public InputView get(UUID id) {
        InputView input = rows.byId(id).orElseThrow(() -> ProblemException.notFound("input", id));
        if (!mayRead(access.requireCurrent(), input, tenantIdsBySlug())) {
            throw ProblemException.notFound("input", id);
        }
        return input;
    }

    @Transactional
    public InputView create(InputChange change) {
        access.require("input", "create", tenantId(change.tenant()));
        InputView valid = validate(null, change);
        if (rows.byName(valid.name()).isPresent()) {
            throw ProblemException.conflict("duplicate", "an input named '" + valid.name() + "' already exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO ingest_input (id, name, type, format, tenant, asset, sources, description, enabled, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)""")
                .params(id, valid.name(), valid.type(), valid.format(), valid.tenant(), valid.asset(), textArray(valid.sources()),
                        valid.description(), valid.enabled(), access.requireCurrent().username())
                .update();
        jdbc.sql("INSERT INTO ingest_input_stats (input_id) VALUES (?)").param(id).update();
        InputView created = rows.byId(id).orElseThrow();
        audit.record(AuditEntry.success("input.create", "input", id, tenantId(created.tenant()), describe(created)));
        reloadAfterCommit();
        return created;
    }

    @Transactional
    public InputView update(UUID id, InputChange change) {
        InputView before = get(id);
        access.require("input", "update", tenantId(before.tenant()));
        InputView valid = validate(before, change);
        if (!valid.tenant().equals(before.tenant())) {
            access.require("input", "update", tenantId(valid.tenant()));
        }
        if (!valid.name().equals(before.name()) && rows.byName(valid.name()).isPresent()) {
            throw ProblemException.conflict("duplicate", "an input named '" + valid.name() + "' already exists");
        }
        jdbc.sql("""
                UPDATE ingest_input SET name = ?, format = ?, tenant = ?, asset = ?, sources = ?::text[], description = ?,
                       enabled = ?, updated_at = ? WHERE id = ?""")
                .params(valid.name(), valid.format(), valid.tenant(), valid.asset(), textArray(valid.sources()),
                        valid.description(), valid.enabled(), Timestamp.from(Instant.now(clock)), id)
                .update();
        InputView after = rows.byId(id).orElseThrow();
        audit.record(AuditEntry.success("input.update", "input", id, tenantId(after.tenant()),
                Map.of("before", describe(before), "after", describe(after))));
        reloadAfterCommit();
        return after;
    }

    /** Deletes an input and its ingest tokens; its stored events stay (they age out by retention). */
    @Transactional
    public void delete(UUID id) {
        InputView input = get(id);
        access.require("input", "delete", tenantId(input.tenant()));
        jdbc.sql("DELETE FROM ingest_token WHERE input_id = ?").param(id).update();
        jdbc.sql("DELETE FROM ingest_input_stats WHERE input_id = ?").param(id).update();
        jdbc.sql("DELETE FROM ingest_input WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("input.delete", "input", id, tenantId(input.tenant()), describe(input)));
        reloadAfterCommit();
    }

    /** The tenant's id for a tenant slug; null for the platform tenant. */
    UUID tenantId(String slug) {
        if (slug == null || slug.isBlank() || slug.equals(PLATFORM_TENANT)) {
            return null;
        }
        return tenants.all().stream().filter(t -> t.slug().equals(slug)).map(TenantView::id).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown-tenant", "tenant '" + slug + "' does not exist"));
    }

    /** The platform's inputs, and those of a tenant that no longer exists, need the permission everywhere. */
    private static boolean mayRead(VigilPrincipal caller, InputView input, Map<String, UUID> tenantIds) {
        UUID tenant = tenantIds.get(input.tenant());
        return tenant == null ? caller.canEverywhere("input", "read") : caller.can("input", "read", tenant);
    }

    private Map<String, UUID> tenantIdsBySlug() {
        Map<String, UUID> ids = new LinkedHashMap<>();
        tenants.all().forEach(t -> ids.put(t.slug(), t.id()));
        return ids;
    }

    private InputView validate(InputView before, InputChange change) {
        String name = pick(change.name(), before == null ? null : before.name());
        if (name == null || name.isBlank() || name.length() > 100 || !name.matches("[A-Za-z0-9][A-Za-z0-9 ._-]*")) {
            throw ProblemException.badRequest("invalid-input", "name is required: 1-100 letters, digits, spaces, '.', '_' or '-'");
        }
        String type = pick(change.type(), before == null ? null : before.type());
        if (type == null || InputType.fromWireName(type).isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "type must be syslog or http");
        }
        if (before != null && !type.equals(before.type())) {
            throw ProblemException.badRequest("invalid-input", "the type of an input cannot change; create a new input");
        }
        String format = pick(change.format(), before == null ? (type.equals("syslog") ? "syslog" : "json") : before.format());
        if (EventFormat.fromWireName(format).isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "format must be syslog, json or line");
        }
        if (type.equals("syslog") && !format.equals("syslog")) {
            throw ProblemException.badRequest("invalid-input", "a syslog input has format syslog");
        }
        String tenant = pick(change.tenant(), before == null ? PLATFORM_TENANT : before.tenant());
        tenantId(tenant);
        String asset = pick(change.asset(), before == null ? "" : before.asset());
        if (asset.length() > 200) {
            throw ProblemException.badRequest("invalid-input", "asset is at most 200 characters");
        }
        List<String> sources = change.sources() != null ? change.sources() : before == null ? List.of() : before.sources();
        List<String> normalized = new ArrayList<>();
        for (String source : sources) {
            normalized.add(SourceRange.parse(source == null ? "" : source).map(SourceRange::text).orElseThrow(() ->
                    ProblemException.badRequest("invalid-input", "source '" + source + "' is not an IP address or CIDR range")));
        }
        if (!type.equals("syslog") && !normalized.isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "sources apply to syslog inputs only (HTTP inputs use ingest tokens)");
        }
        if (normalized.size() > 1000) {
            throw ProblemException.badRequest("invalid-input", "at most 1000 sources");
        }
        String description = pick(change.description(), before == null ? "" : before.description());
        if (description.length() > 2000) {
            throw ProblemException.badRequest("invalid-input", "description is at most 2000 characters");
        }
        boolean enabled = change.enabled() != null ? change.enabled() : before == null || before.enabled();
        return new InputView(before == null ? null : before.id(), name.trim(), type, format, tenant, asset.trim(),
                List.copyOf(normalized), description, enabled, null, null, null);
    }

    private static String pick(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static Map<String, Object> describe(InputView input) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", input.name());
        body.put("type", input.type());
        body.put("format", input.format());
        body.put("tenant", input.tenant());
        body.put("asset", input.asset());
        body.put("sources", input.sources());
        body.put("enabled", input.enabled());
        return body;
    }

    private static String textArray(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }

    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                directory.reload();
            }
        });
    }
}
