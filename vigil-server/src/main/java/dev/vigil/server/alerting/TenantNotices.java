package dev.vigil.server.alerting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.vigil.server.alerting.internal.notify.TenantContactStore;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices to tenants — the shared way any feature tells customers about what affects them (an incident, a published
 * advisory, maintenance). A notice is recorded and audited, and one notification per contact of the tenant that wants
 * the topic is queued in the same transaction; the notification dispatcher delivers them with retries and keeps the
 * delivery log. Features call {@link #send} after checking their own permission (e.g. {@code incident:update});
 * {@link #sendOnRequest} is the checked entry point of the notices API.
 */
@Service
public class TenantNotices {

    /** What a notice is about; contacts choose the topics they want. */
    public static final List<String> TOPICS = List.of("incident", "advisory", "maintenance", "general");

    private static final Pattern REFERENCE = Pattern.compile("[a-z][a-z0-9-]{0,30}:[^\\s]{1,160}");
    private static final int MAX_BODY = 20_000;

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final TenantService tenants;
    private final TenantContactStore contacts;

    TenantNotices(JdbcClient jdbc, AccessPolicy access, AuditLog audit, TenantService tenants, TenantContactStore contacts) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.tenants = tenants;
        this.contacts = contacts;
    }

    /** Records the notice and queues its deliveries; the caller has checked its own permission. 400 on a bad draft. */
    @Transactional
    public NoticeView send(NoticeDraft draft) {
        TenantView tenant = validate(draft);
        UUID id = UUID.randomUUID();
        String sentBy = access.current().map(VigilPrincipal::username).orElse("system");
        jdbc.sql("""
                INSERT INTO tenant_notice (id, tenant_id, topic, subject, body, reference, sent_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant.id(), draft.topic(), draft.subject().strip(), draft.body(), draft.reference(), sentBy,
                        Timestamp.from(Instant.now())).update();
        List<String> told = new ArrayList<>();
        for (TenantContactStore.Contact contact : contacts.ofTenant(tenant.id())) {
            if (contact.wants(draft.topic())) {
                jdbc.sql("""
                        INSERT INTO notification (id, notice_id, contact_id, receiver, channel_index, channel_type, status)
                        VALUES (?, ?, ?, ?, 0, ?, 'pending')""")
                        .params(UUID.randomUUID(), id, contact.id(), tenant.slug() + "/" + contact.name(), contact.channel().type())
                        .update();
                told.add(contact.name());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", draft.topic());
        body.put("subject", draft.subject().strip());
        body.put("reference", draft.reference() == null ? "" : draft.reference());
        body.put("contacts", told);
        Map<String, String> refs = draft.reference() == null ? Map.of()
                : Map.of(draft.reference().substring(0, draft.reference().indexOf(':')),
                        draft.reference().substring(draft.reference().indexOf(':') + 1));
        audit.record(new AuditEntry(null, "notice.send", "tenant-notice", id.toString(), tenant.id(), AuditEntry.Outcome.SUCCESS, refs, body));
        return find(id);
    }

    /** The notices API: requires {@code notice:send} on the tenant. */
    @Transactional
    public NoticeView sendOnRequest(NoticeDraft draft) {
        if (draft.tenantId() == null) {
            throw ProblemException.badRequest("invalid-input", "tenantId is required");
        }
        access.require("notice", "send", draft.tenantId());
        return send(draft);
    }

    /** Notices the caller may read, newest first: of one tenant or all visible ones, optionally about one reference. */
    public List<NoticeView> list(UUID tenantId, String reference, int limit) {
        VigilPrincipal caller = access.requireCurrent();
        List<UUID> visible = tenants.all().stream().map(TenantView::id)
                .filter(t -> (tenantId == null || t.equals(tenantId)) && caller.can("notice", "read", t)).toList();
        if (tenantId != null && visible.isEmpty()) {
            access.require("notice", "read", tenantId);
        }
        if (visible.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM tenant_notice WHERE tenant_id = ANY(?) AND (CAST(? AS text) IS NULL OR reference = ?)"
                        + " ORDER BY created_at DESC, id LIMIT ?")
                .params(visible.toArray(UUID[]::new), reference, reference, Math.max(1, Math.min(limit, 1000)))
                .query(UUID.class).list().stream().map(this::find).toList();
    }

    public NoticeView get(UUID id) {
        NoticeView notice = find(id);
        access.require("notice", "read", notice.tenantId());
        return notice;
    }

    /** The notices about a reference (e.g. an incident), oldest first, for the feature that owns it (no caller check). */
    public List<NoticeView> about(String reference) {
        return jdbc.sql("SELECT id FROM tenant_notice WHERE reference = ? ORDER BY created_at, id").param(reference)
                .query(UUID.class).list().stream().map(this::find).toList();
    }

    private TenantView validate(NoticeDraft draft) {
        if (draft.tenantId() == null) {
            throw ProblemException.badRequest("invalid-input", "tenantId is required");
        }
        TenantView tenant = tenants.all().stream().filter(t -> t.id().equals(draft.tenantId())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("tenant", draft.tenantId()));
        if (draft.topic() == null || !TOPICS.contains(draft.topic())) {
            throw ProblemException.badRequest("invalid-input", "topic must be one of " + TOPICS);
        }
        if (draft.subject() == null || draft.subject().isBlank() || draft.subject().length() > 200 || draft.subject().contains("\n")) {
            throw ProblemException.badRequest("invalid-input", "subject is required: one line of at most 200 characters");
        }
        if (draft.body() == null || draft.body().isBlank() || draft.body().length() > MAX_BODY) {
            throw ProblemException.badRequest("invalid-input", "body is required (at most " + MAX_BODY + " characters)");
        }
        if (draft.reference() != null && !REFERENCE.matcher(draft.reference()).matches()) {
            throw ProblemException.badRequest("invalid-input", "reference must look like kind:id, e.g. incident:<id>");
        }
        return tenant;
    }

    private NoticeView find(UUID id) {
        List<NoticeView.Delivery> deliveries = jdbc.sql("""
                SELECT contact_id, receiver, channel_type, status, attempts, next_attempt_at, last_error, sent_at
                FROM notification WHERE notice_id = ? ORDER BY receiver""").param(id)
                .query((rs, n) -> new NoticeView.Delivery(rs.getObject(1, UUID.class), rs.getString(2).substring(rs.getString(2).indexOf('/') + 1),
                        rs.getString(3), rs.getString(4), rs.getInt(5), instant(rs.getTimestamp(6)), rs.getString(7),
                        instant(rs.getTimestamp(8)))).list();
        return jdbc.sql("""
                SELECT n.id, n.tenant_id, t.slug, n.topic, n.subject, n.body, n.reference, n.sent_by, n.created_at
                FROM tenant_notice n JOIN tenant t ON t.id = n.tenant_id WHERE n.id = ?""").param(id)
                .query((rs, n) -> new NoticeView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), deliveries,
                        deliveries.isEmpty() ? "nobody was told: the tenant has no enabled contact for topic '" + rs.getString(4) + "'" : null))
                .optional().orElseThrow(() -> ProblemException.notFound("notice", id));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
