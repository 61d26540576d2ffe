package dev.vigil.server.alerting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.alerting.internal.notify.NoticeMessage;
import dev.vigil.server.alerting.internal.notify.NotificationDispatcher;
import dev.vigil.server.alerting.internal.notify.SendResult;
import dev.vigil.server.alerting.internal.notify.TenantContactStore;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts of a tenant who receive its notices: managed by the platform's administrators and by the tenant's own
 * representatives (permission {@code notice:configure} on the tenant). Changes are audited without secrets.
 */
@Service
public class TenantContactService {

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final TenantContactStore store;
    private final TenantService tenants;
    private final NotificationDispatcher dispatcher;

    TenantContactService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, TenantContactStore store, TenantService tenants,
            NotificationDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.store = store;
        this.tenants = tenants;
        this.dispatcher = dispatcher;
    }

    public List<TenantContactView> list(UUID tenantId) {
        access.require("notice", "read", tenantId);
        tenant(tenantId);
        return store.ofTenant(tenantId).stream().map(TenantContactService::view).toList();
    }

    @Transactional
    public TenantContactView create(UUID tenantId, TenantContactChange change) {
        access.require("notice", "configure", tenantId);
        tenant(tenantId);
        TenantContactChange valid = validate(change, null);
        requireUniqueName(tenantId, valid.name(), null);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO tenant_contact (id, tenant_id, name, topics, channel, enabled, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, valid.name(), valid.topics().toArray(String[]::new), store.seal(valid.channel()), valid.enabled(),
                        access.requireCurrent().username()).update();
        audit.record(AuditEntry.success("tenant-contact.create", "tenant-contact", id, tenantId, describe(valid)));
        return view(find(tenantId, id));
    }

    @Transactional
    public TenantContactView update(UUID tenantId, UUID id, TenantContactChange change) {
        access.require("notice", "configure", tenantId);
        TenantContactStore.Contact before = find(tenantId, id);
        TenantContactChange valid = validate(change, before);
        requireUniqueName(tenantId, valid.name(), id);
        jdbc.sql("UPDATE tenant_contact SET name = ?, topics = ?, channel = ?, enabled = ?, updated_at = now() WHERE id = ?")
                .params(valid.name(), valid.topics().toArray(String[]::new), store.seal(valid.channel()), valid.enabled(), id).update();
        audit.record(AuditEntry.success("tenant-contact.update", "tenant-contact", id, tenantId, describe(valid)));
        return view(find(tenantId, id));
    }

    @Transactional
    public void delete(UUID tenantId, UUID id) {
        access.require("notice", "configure", tenantId);
        TenantContactStore.Contact contact = find(tenantId, id);
        jdbc.sql("DELETE FROM tenant_contact WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("tenant-contact.delete", "tenant-contact", id, tenantId, Map.of("name", contact.name())));
    }

    /** Sends a test notice to the contact now (not recorded as a notice); the outcome. */
    public String test(UUID tenantId, UUID id) {
        access.require("notice", "configure", tenantId);
        TenantContactStore.Contact contact = find(tenantId, id);
        TenantView tenant = tenant(tenantId);
        NoticeMessage message = new NoticeMessage(UUID.randomUUID(), tenant.slug(), "general", "Test notice from Vigil",
                "This is a test of contact " + contact.name() + " of " + tenant.name() + "; nothing happened.", null,
                java.time.Instant.now());
        SendResult result = dispatcher.deliver(message, contact.channel());
        String outcome = contact.channel().type() + ": " + result.outcome().name().toLowerCase(java.util.Locale.ROOT) + " (" + result.detail() + ")";
        audit.record(AuditEntry.success("tenant-contact.test", "tenant-contact", id, tenantId, Map.of("name", contact.name(), "outcome", outcome)));
        return outcome;
    }

    private TenantView tenant(UUID tenantId) {
        return tenants.all().stream().filter(t -> t.id().equals(tenantId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("tenant", tenantId));
    }

    private TenantContactStore.Contact find(UUID tenantId, UUID id) {
        return store.byId(id).filter(c -> c.tenantId().equals(tenantId)).orElseThrow(() -> ProblemException.notFound("contact", id));
    }

    private void requireUniqueName(UUID tenantId, String name, UUID self) {
        if (store.ofTenant(tenantId).stream().anyMatch(c -> c.name().equals(name) && !c.id().equals(self))) {
            throw ProblemException.conflict("duplicate", "the tenant has a contact named '" + name + "'");
        }
    }

    private static TenantContactChange validate(TenantContactChange change, TenantContactStore.Contact before) {
        String name = change.name() != null ? change.name().trim() : before == null ? "" : before.name();
        if (name.isEmpty() || name.length() > 100) {
            throw ProblemException.badRequest("invalid-input", "name is required (at most 100 characters)");
        }
        List<String> topics = change.topics() != null ? List.copyOf(change.topics()) : before == null ? List.of() : before.topics();
        for (String topic : topics) {
            if (!TenantNotices.TOPICS.contains(topic)) {
                throw ProblemException.badRequest("invalid-input", "topics: unknown topic '" + topic + "'; known: " + TenantNotices.TOPICS);
            }
        }
        ChannelConfig channel = change.channel() != null ? change.channel().keepingSecretsOf(before == null ? null : before.channel())
                : before == null ? null : before.channel();
        if (channel == null) {
            throw ProblemException.badRequest("invalid-input", "channel is required");
        }
        channel.validate("channel");
        boolean enabled = change.enabled() != null ? change.enabled() : before == null || before.enabled();
        return new TenantContactChange(name, topics, channel, enabled);
    }

    private static Map<String, Object> describe(TenantContactChange contact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", contact.name());
        body.put("topics", contact.topics());
        ChannelConfig c = contact.channel();
        body.put("channel", c.type() + (c.url() != null ? " " + c.url() : " " + c.to()));
        body.put("enabled", contact.enabled());
        return body;
    }

    private static TenantContactView view(TenantContactStore.Contact c) {
        return new TenantContactView(c.id(), c.tenantId(), c.name(), c.topics(), c.channel().masked(), c.enabled(), c.createdBy(),
                c.updatedAt());
    }
}
