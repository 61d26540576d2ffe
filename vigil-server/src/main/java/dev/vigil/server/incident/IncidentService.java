package dev.vigil.server.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.alerting.AlertService;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incident cases: opening one from alerts or by hand (with the emergency plan of its type and the plan's tasks),
 * listing and reading them within the caller's tenants, merging further alerts into an open one, grading and the
 * final level, the impact scope, and manual timeline entries.
 */
@Service
public class IncidentService {

    public static final int MAX_ALERTS = 100;

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final AlertService alerts;
    private final AccessPolicy access;
    private final TenantScopes scopes;
    private final AuditLog audit;
    private final PlanService plans;
    private final TaskService tasks;
    private final ObservableService observables;
    private final GradingPolicy grading;
    private final IncidentViews views;
    private final ApplicationEventPublisher events;

    IncidentService(JdbcClient jdbc, IncidentStore store, AlertService alerts, AccessPolicy access, TenantScopes scopes,
            AuditLog audit, PlanService plans, TaskService tasks, ObservableService observables,
            GradingPolicy grading, IncidentViews views, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.alerts = alerts;
        this.access = access;
        this.scopes = scopes;
        this.audit = audit;
        this.plans = plans;
        this.tasks = tasks;
        this.observables = observables;
        this.grading = grading;
        this.views = views;
        this.events = events;
    }

    /**
     * What opens an incident: alerts, or by hand at least a title and a summary (from alerts both default to theirs).
     *
     * @param tenant    by hand: the tenant slug (default: the caller's tenant, else the provider's own)
     * @param startedAt when the incident began, if known (time to detect runs from here)
     */
    public record NewIncident(String title, String summary, String type, String tenant, List<UUID> alertIds, Instant startedAt,
                              List<String> affectedAssets) {
    }

    @Transactional
    public IncidentView create(NewIncident request) {
        VigilPrincipal caller = access.requireCurrent();
        List<UUID> alertIds = request.alertIds() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(request.alertIds()));
        if (alertIds.size() > MAX_ALERTS) {
            throw ProblemException.badRequest("invalid-incident", "at most " + MAX_ALERTS + " alerts per request");
        }
        List<AlertView> linked = alertIds.stream().map(alerts::get).toList();
        if (linked.isEmpty() && (isBlank(request.title()) || isBlank(request.summary()))) {
            throw ProblemException.badRequest("invalid-incident", "an incident opened by hand needs a title and a summary");
        }
        String title = isBlank(request.title()) ? defaultTitle(linked) : request.title().strip();
        String summary = isBlank(request.summary()) ? defaultSummary(linked) : request.summary().strip();
        TaskService.requireText("title", title, 500);
        TaskService.requireText("summary", summary, 20_000);
        String type = isBlank(request.type()) ? IncidentType.OTHER.code() : request.type();
        try {
            IncidentType.parse(type);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-incident", e.getMessage());
        }
        String tenant = tenantOf(request.tenant(), linked, caller);
        scopes.require("incident", "create", tenant);
        for (AlertView alert : linked) {
            requireNotInOtherOpenIncident(alert.id(), null);
        }
        UUID id = open(caller.username(), null, tenant, title, summary, type, linked, request.startedAt(),
                cleanAssets(request.affectedAssets()));
        events.publishEvent(new IncidentChanged(id, "opened", type, null));
        return get(id);
    }

    /**
     * Opens an incident for alerts a policy matched (no caller: the incident policy job), or merges them into the open
     * incident of the tenant that already holds one of their entities, declared within the suggestion window.
     */
    @Transactional
    public UUID openByPolicy(AlertView alert, String policy, java.time.Duration mergeWindow) {
        Actor job = Actor.systemJob("incident-policy");
        String who = "system:incident-policy";
        List<UUID> sharing = jdbc.sql("""
                SELECT i.id FROM incident i JOIN incident_observable o ON o.incident_id = i.id
                WHERE i.tenant = ? AND i.phase NOT IN ('closed', 'reviewed') AND i.created_at >= ? AND o.kind || '=' || o.value = ANY (?)
                ORDER BY i.created_at DESC LIMIT 1""")
                .params(alert.tenant(), java.sql.Timestamp.from(store.now().minus(mergeWindow)), ObservableService.keysOf(alert.entities())
                        .toArray(String[]::new)).query(UUID.class).list();
        if (!sharing.isEmpty()) {
            UUID id = sharing.get(0);
            if (link(id, alert, who)) {
                audit.record(AuditEntry.success("incident.alerts.merge", "incident", id, store.tenantId(alert.tenant()),
                        Map.of("alerts", List.of(alert.id().toString()), "policy", policy)).by(job));
            }
            return id;
        }
        return open(who, job, alert.tenant(), alert.title(), defaultSummary(List.of(alert)), IncidentType.OTHER.code(), List.of(alert),
                null, List.of());
    }

    /** Stores a new incident with its alerts, plan and the plan's tasks; audited as the actor (null: the caller). */
    private UUID open(String who, Actor actor, String tenant, String title, String summary, String type, List<AlertView> linked,
            Instant startedAt, List<String> assets) {
        Instant now = store.now();
        Instant detectedAt = linked.stream().map(AlertView::firstSeen).min(Comparator.naturalOrder()).orElse(now);
        Integer proposed = linked.stream().map(a -> levelOfSeverity(a.severity())).min(Comparator.naturalOrder()).orElse(null);
        EmergencyPlan plan = plans.forIncident(type, proposed).orElse(null);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO incident (id, tenant, title, summary, incident_type, phase, proposed_level, affected_assets, plan,
                                      created_by, started_at, detected_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'new', ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
                .params(id, tenant, title, summary, type, proposed, assets.toArray(String[]::new),
                        plan == null ? "{}" : PlanService.JSON.writeValueAsString(plan), who,
                        startedAt == null ? null : Timestamp.from(startedAt), Timestamp.from(detectedAt),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        for (AlertView alert : linked) {
            link(id, alert, who);
        }
        if (plan != null) {
            tasks.createFromPlan(id, plan, now, who);
        }
        store.note(id, "phase", who, "Incident opened" + (linked.isEmpty() ? " by hand" : " from " + linked.size() + " alert(s)")
                + (plan == null ? "" : "; emergency plan '" + plan.title() + "' attached"));
        audit.record(AuditEntry.success("incident.create", "incident", id, store.tenantId(tenant), TaskService.body(
                "title", title, "type", type, "tenant", tenant, "alerts", linked.stream().map(a -> a.id().toString()).toList(),
                "proposedLevel", proposed, "plan", plan == null ? null : plan.title())).by(actor));
        return id;
    }

    public List<IncidentSummary> list(String phase, Integer level, int limit) {
        List<String> visible = store.tenants("read");
        StringBuilder sql = new StringBuilder("""
                SELECT i.id, i.number, i.tenant, i.title, i.incident_type, i.phase, i.level, i.proposed_level, i.created_at, i.updated_at,
                       (SELECT count(*) FROM incident_alert a WHERE a.incident_id = i.id),
                       (SELECT count(*) FROM incident_task t WHERE t.incident_id = i.id AND t.status = 'open')
                FROM incident i WHERE true""");
        List<Object> params = new ArrayList<>();
        if (visible != null) {
            sql.append(" AND i.tenant = ANY (?)");
            params.add(visible.toArray(String[]::new));
        }
        if (phase != null && !phase.isBlank()) {
            try {
                params.add(Phase.parse(phase).code());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-input", e.getMessage());
            }
            sql.append(" AND i.phase = ?");
        }
        if (level != null) {
            sql.append(" AND coalesce(i.level, i.proposed_level) = ?");
            params.add(level);
        }
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("invalid-input", "limit must be between 1 and 1000");
        }
        sql.append(" ORDER BY i.created_at DESC LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            Integer lvl = (Integer) rs.getObject(7);
            Integer proposedLevel = (Integer) rs.getObject(8);
            return new IncidentSummary(rs.getObject(1, UUID.class), "INC-" + rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), lvl, Level.label(lvl != null ? lvl : proposedLevel), proposedLevel,
                    rs.getLong(11), rs.getLong(12), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant());
        }).list();
    }

    public IncidentView get(UUID id) {
        return views.of(store.read(id));
    }

    /** When the incident last changed (pages showing it reload when this moves). */
    public Instant lastChange(UUID id) {
        return store.read(id).updatedAt();
    }

    /** The open incidents (for the merge choice on an alert page), newest first. */
    public List<IncidentSummary> open() {
        return list(null, null, 200).stream().filter(i -> Phase.parse(i.phase()).isOpen()).toList();
    }

    /** The incidents an alert is linked to, within the caller's tenants. */
    public List<IncidentSummary> containing(UUID alertId) {
        List<UUID> ids = jdbc.sql("SELECT incident_id FROM incident_alert WHERE alert_id = ?").param(alertId).query(UUID.class).list();
        return list(null, null, 1000).stream().filter(i -> ids.contains(i.id())).toList();
    }

    @Transactional
    public IncidentView mergeAlerts(UUID id, List<UUID> alertIds) {
        IncidentRow incident = store.lockOpen(id, "update");
        if (alertIds == null || alertIds.isEmpty() || alertIds.size() > MAX_ALERTS) {
            throw ProblemException.badRequest("invalid-input", "alertIds: 1 to " + MAX_ALERTS + " alert ids");
        }
        String who = store.caller();
        List<String> merged = new ArrayList<>();
        for (UUID alertId : new LinkedHashSet<>(alertIds)) {
            AlertView alert = alerts.get(alertId);
            if (!alert.tenant().equals(incident.tenant())) {
                throw ProblemException.badRequest("tenant-mismatch", "alert " + alertId + " belongs to tenant " + alert.tenant()
                        + ", " + incident.ref() + " to " + incident.tenant());
            }
            requireNotInOtherOpenIncident(alertId, id);
            if (link(id, alert, who)) {
                merged.add(alertId.toString());
            }
        }
        if (!merged.isEmpty()) {
            audit.record(AuditEntry.success("incident.alerts.merge", "incident", id, store.tenantId(incident.tenant()),
                    Map.of("alerts", merged)));
        }
        return get(id);
    }

    /**
     * Alerts of the incident's tenant that share an entity (host, user, IP, indicator, …) with its alerts or observables,
     * seen within the suggestion window of its alerts, most shared entities first.
     */
    public List<RelatedAlert> suggestions(UUID id) {
        return views.suggestions(store.read(id));
    }

    /** A suggested alert with the entities it shares with the incident. */
    public record RelatedAlert(AlertView alert, List<String> shared) {
    }

    /** Assesses the grading factors: stores them and the level the policy proposes. */
    @Transactional
    public IncidentView grade(UUID id, GradingPolicy.Factors factors, List<String> affectedAssets, String harm) {
        IncidentRow incident = store.lockOpen(id, "update");
        GradingPolicy.Proposal proposal;
        try {
            proposal = grading.propose(factors);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-grading", e.getMessage());
        }
        List<String> assets = affectedAssets == null ? incident.affectedAssets() : cleanAssets(affectedAssets);
        String newHarm = harm == null ? incident.harm() : harm.strip();
        if (newHarm.length() > 10_000) {
            throw ProblemException.badRequest("invalid-grading", "harm must be at most 10000 characters");
        }
        jdbc.sql("""
                UPDATE incident SET impact_scope = ?, asset_criticality = ?, data_sensitivity = ?, ongoing = ?, proposed_level = ?,
                                    affected_assets = ?, harm = ? WHERE id = ?""")
                .params(factors.impactScope(), factors.assetCriticality(), factors.dataSensitivity(), factors.ongoing(),
                        proposal.level(), assets.toArray(String[]::new), newHarm, id).update();
        String who = store.caller();
        store.note(id, "grading", who, "Graded: proposed level " + Level.label(proposal.level()) + " (" + proposal.explanation() + ")");
        audit.record(AuditEntry.success("incident.grade", "incident", id, store.tenantId(incident.tenant()), TaskService.body(
                "impactScope", factors.impactScope(), "assetCriticality", factors.assetCriticality(),
                "dataSensitivity", factors.dataSensitivity(), "ongoing", factors.ongoing(), "score", proposal.score(),
                "proposedLevel", proposal.level(), "affectedAssets", assets, "harm", newHarm)));
        return get(id);
    }

    /** Sets the final level; the person who sets it says why (especially when it differs from the proposal). */
    @Transactional
    public IncidentView setLevel(UUID id, int level, String reason) {
        IncidentRow incident = store.lockOpen(id, "grade");
        VigilPrincipal who = access.requireCurrent();
        if (!Level.isValid(level)) {
            throw ProblemException.badRequest("invalid-level", "level must be 1 (I, P1) to 4 (IV, P4)");
        }
        TaskService.requireText("reason", reason, 2000);
        jdbc.sql("UPDATE incident SET level = ?, level_set_by = ?, level_reason = ?, level_set_at = ? WHERE id = ?")
                .params(level, who.username(), reason.strip(), Timestamp.from(store.now()), id).update();
        store.note(id, "grading", who.username(), "Level set to " + Level.label(level)
                + (incident.proposedLevel() != null && incident.proposedLevel() != level ? " (proposed " + Level.label(incident.proposedLevel()) + ")" : "")
                + ": " + reason.strip());
        audit.record(AuditEntry.success("incident.level", "incident", id, store.tenantId(incident.tenant()), TaskService.body(
                "before", incident.level(), "level", level, "proposedLevel", incident.proposedLevel(), "reason", reason.strip())));
        events.publishEvent(new IncidentChanged(id, "graded", incident.type(), level));
        return get(id);
    }

    /** A manual timeline entry (a call made, a decision taken), optionally dated in the past. */
    @Transactional
    public IncidentView addNote(UUID id, String text, Instant at) {
        IncidentRow incident = store.lock(id, "update");
        TaskService.requireText("text", text, 10_000);
        Instant when = at == null ? store.now() : at;
        if (when.isAfter(store.now().plusSeconds(60))) {
            throw ProblemException.badRequest("invalid-input", "a timeline entry cannot lie in the future");
        }
        String who = store.caller();
        jdbc.sql("INSERT INTO incident_timeline (id, incident_id, at, kind, actor, text) VALUES (?, ?, ?, 'note', ?, ?)")
                .params(UUID.randomUUID(), id, Timestamp.from(when), who, text.strip()).update();
        store.touch(id);
        audit.record(AuditEntry.success("incident.note", "incident", id, store.tenantId(incident.tenant()),
                Map.of("text", text.strip(), "at", when.toString())));
        return get(id);
    }

    private boolean link(UUID incidentId, AlertView alert, String who) {
        int rows = jdbc.sql("""
                INSERT INTO incident_alert (incident_id, alert_id, linked_by, linked_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""").params(incidentId, alert.id(), who, Timestamp.from(store.now())).update();
        if (rows == 1) {
            observables.addFromAlert(incidentId, alert.id(), alert.entities(), who);
            store.note(incidentId, "alert", who, "Alert linked: " + alert.title() + " (" + alert.severity() + ")");
        }
        return rows == 1;
    }

    private void requireNotInOtherOpenIncident(UUID alertId, UUID except) {
        jdbc.sql("""
                SELECT i.number FROM incident_alert a JOIN incident i ON i.id = a.incident_id
                WHERE a.alert_id = ? AND i.phase NOT IN ('closed', 'reviewed') AND i.id IS DISTINCT FROM ? LIMIT 1""")
                .params(alertId, except).query(Long.class).optional().ifPresent(number -> {
                    throw ProblemException.conflict("alert-in-incident", "alert " + alertId + " already belongs to open incident INC-"
                            + number + "; merge into that one");
                });
    }

    private String tenantOf(String requested, List<AlertView> linked, VigilPrincipal caller) {
        List<String> alertTenants = linked.stream().map(AlertView::tenant).distinct().toList();
        if (alertTenants.size() > 1) {
            throw ProblemException.badRequest("tenant-mismatch", "the alerts belong to different tenants (" + String.join(", ", alertTenants)
                    + "); open one incident per tenant");
        }
        if (!alertTenants.isEmpty()) {
            if (!isBlank(requested) && !requested.equals(alertTenants.get(0))) {
                throw ProblemException.badRequest("tenant-mismatch", "the alerts belong to tenant " + alertTenants.get(0) + ", not " + requested);
            }
            return alertTenants.get(0);
        }
        if (!isBlank(requested)) {
            return requested.strip();
        }
        return caller.tenantId() == null ? TenantService.RESERVED_SLUG : store.tenantSlug(caller.tenantId());
    }

    /** Critical alerts propose level I, high II, medium III, the rest IV. */
    static int levelOfSeverity(String severity) {
        return switch (AlertSeverity.ofLevel(severity)) {
            case CRITICAL -> 1;
            case HIGH -> 2;
            case MEDIUM -> 3;
            default -> 4;
        };
    }

    private static String defaultTitle(List<AlertView> linked) {
        return linked.get(0).title() + (linked.size() > 1 ? " and " + (linked.size() - 1) + " more alert(s)" : "");
    }

    private static String defaultSummary(List<AlertView> linked) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (AlertView alert : linked) {
            lines.putIfAbsent(alert.title(), alert.severity() + " alert \"" + alert.title() + "\" from " + alert.source()
                    + (alert.entities().isEmpty() ? "" : " (" + alert.entities() + ")")
                    + (alert.explanation().isBlank() ? "" : ": " + alert.explanation()));
        }
        return String.join("\n", lines.values());
    }

    private static List<String> cleanAssets(List<String> assets) {
        if (assets == null) {
            return List.of();
        }
        List<String> clean = assets.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).distinct().toList();
        if (clean.size() > 500 || clean.stream().anyMatch(a -> a.length() > 300)) {
            throw ProblemException.badRequest("invalid-input", "affectedAssets: at most 500 names of at most 300 characters");
        }
        return clean;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
