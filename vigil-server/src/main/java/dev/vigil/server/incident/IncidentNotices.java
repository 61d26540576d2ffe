package dev.vigil.server.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.alerting.NoticeDraft;
import dev.vigil.server.alerting.NoticeTemplate;
import dev.vigil.server.alerting.NoticeView;
import dev.vigil.server.alerting.TenantNotices;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Telling the tenants an incident affects: a notice per tenant from the template of the incident's type and level
 * ({@link IncidentNoticeTemplates}), filled with the incident's reference, title, level, time window and the tenant's
 * affected services, plus what the tenant should do and whom to contact; previewed first, then sent through alerting's
 * tenant notices (recorded, audited, delivered to the tenant's contacts by the notification dispatcher) and noted on
 * the incident's timeline. Placeholders: {@code incident.ref}, {@code incident.title}, {@code level}, {@code window},
 * {@code services}, {@code actions}, {@code contact}, {@code tenant}.
 */
@Service
public class IncidentNotices {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final IncidentStore store;
    private final ImpactScopeService scopes;
    private final IncidentNoticeTemplates templates;
    private final TenantNotices notices;
    private final TenantService tenants;
    private final AccessPolicy access;
    private final AuditLog audit;

    IncidentNotices(IncidentStore store, ImpactScopeService scopes, IncidentNoticeTemplates templates, TenantNotices notices,
            TenantService tenants, AccessPolicy access, AuditLog audit) {
        this.store = store;
        this.scopes = scopes;
        this.templates = templates;
        this.notices = notices;
        this.tenants = tenants;
        this.access = access;
        this.audit = audit;
    }

    /**
     * What to send.
     *
     * @param tenants slugs of affected tenants to tell (empty: every affected tenant)
     * @param subject a template text replacing the shipped subject (null: the shipped one)
     * @param body    a template text replacing the shipped body (null: the shipped one)
     */
    public record NoticeRequest(List<String> tenants, String actions, String contact, String subject, String body) {
    }

    /** The notice one tenant would get, and from which template. */
    public record NoticePreview(String tenant, UUID tenantId, String template, String subject, String body, List<String> services) {
    }

    public List<NoticePreview> preview(UUID incidentId, NoticeRequest request) {
        return previews(store.read(incidentId), request);
    }

    /** Sends each tenant its notice; needs {@code notice:send} on every one of them. */
    @Transactional
    public List<NoticeView> send(UUID incidentId, NoticeRequest request) {
        IncidentRow incident = store.lock(incidentId, "update");
        List<NoticePreview> previews = previews(incident, request);
        previews.forEach(p -> access.require("notice", "send", p.tenantId()));
        String who = store.caller();
        List<NoticeView> sent = new ArrayList<>();
        for (NoticePreview preview : previews) {
            NoticeView notice = notices.send(new NoticeDraft(preview.tenantId(), "incident", preview.subject(), preview.body(),
                    "incident:" + incidentId));
            sent.add(notice);
            store.note(incidentId, "notice", who, "Tenant " + preview.tenant() + " notified: \"" + preview.subject() + "\" ("
                    + (notice.deliveries().isEmpty() ? notice.warning() : notice.deliveries().size() + " contact(s)") + ")");
        }
        audit.record(AuditEntry.success("incident.notify", "incident", incidentId, store.tenantId(incident.tenant()), Map.of(
                "tenants", previews.stream().map(NoticePreview::tenant).toList(),
                "notices", sent.stream().map(n -> n.id().toString()).toList())));
        return sent;
    }

    /** The affected tenants of a scope that can be told (the provider's own records are filed under no tenant). */
    public List<String> notifiable(ImpactScopeService.ImpactScope scope) {
        Set<String> known = new LinkedHashSet<>(tenants.all().stream().map(TenantView::slug).toList());
        return scope.tenants().stream().map(ImpactScopeService.AffectedTenant::tenant).filter(known::contains).toList();
    }

    /** The notices sent about the incident, oldest first. */
    public List<NoticeView> sent(UUID incidentId) {
        store.read(incidentId);
        return notices.about("incident:" + incidentId);
    }

    private List<NoticePreview> previews(IncidentRow incident, NoticeRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("invalid-notice", "send the notice as JSON");
        }
        ImpactScopeService.ImpactScope scope = scopes.of(incident.id());
        Map<String, TenantView> known = new LinkedHashMap<>();
        tenants.all().forEach(t -> known.put(t.slug(), t));
        List<String> affected = notifiable(scope);
        Set<String> chosen = new LinkedHashSet<>(request.tenants() == null || request.tenants().isEmpty() ? affected : request.tenants());
        if (chosen.isEmpty()) {
            throw ProblemException.badRequest("invalid-notice", incident.ref() + " affects no tenant (see its impact scope)");
        }
        for (String tenant : chosen) {
            if (!affected.contains(tenant)) {
                throw ProblemException.badRequest("invalid-notice", "tenant '" + tenant + "' is not affected by " + incident.ref()
                        + "; affected: " + (affected.isEmpty() ? "none" : String.join(", ", affected)));
            }
        }
        Integer level = incident.level() != null ? incident.level() : incident.proposedLevel();
        IncidentNoticeTemplates.Template template = templates.forIncident(incident.type(), level);
        NoticeTemplate subject = new NoticeTemplate(blank(request.subject()) ? template.subject() : request.subject());
        NoticeTemplate body = new NoticeTemplate(blank(request.body()) ? template.body() : request.body());
        String templateName = blank(request.subject()) && blank(request.body()) ? template.name() : "edited (" + template.name() + ")";
        List<NoticePreview> previews = new ArrayList<>();
        for (String tenant : chosen) {
            List<String> services = services(scope, tenant);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("incident.ref", incident.ref());
            values.put("incident.title", incident.title());
            values.put("level", Optional.ofNullable(Level.label(level)).orElse("not yet set"));
            values.put("window", window(incident));
            values.put("services", services.isEmpty() ? "none identified yet" : String.join(", ", services));
            values.put("tenant", known.get(tenant).name());
            if (!blank(request.actions())) {
                values.put("actions", request.actions().strip());
            }
            if (!blank(request.contact())) {
                values.put("contact", request.contact().strip());
            }
            previews.add(new NoticePreview(tenant, known.get(tenant).id(), templateName, subject.render(values).strip(),
                    body.render(values), services));
        }
        return previews;
    }

    /** The tenant's components and assets in the scope (what it would call its services), upstream ones left out. */
    private static List<String> services(ImpactScopeService.ImpactScope scope, String tenant) {
        Set<String> names = new LinkedHashSet<>();
        scope.components().stream().filter(c -> c.tenant().equals(tenant) && !c.relation().equals("upstream"))
                .forEach(c -> names.add(c.name()));
        if (scope.tenant().equals(tenant)) {
            scope.affected().forEach(a -> names.add(a.name()));
            scope.downstream().forEach(a -> names.add(a.name()));
        }
        return List.copyOf(names);
    }

    private static String window(IncidentRow incident) {
        Instant start = incident.startedAt() != null && incident.startedAt().isBefore(incident.detectedAt())
                ? incident.startedAt() : incident.detectedAt();
        Instant end = incident.recoveredAt() != null ? incident.recoveredAt() : incident.closedAt();
        return end == null ? "since " + TIME.format(start) + " (ongoing)" : "from " + TIME.format(start) + " to " + TIME.format(end);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
