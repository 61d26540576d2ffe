package dev.vigil.server.alerting.internal.notify;

import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.alerting.ChannelConfig;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Prepares a queued tenant notice for the dispatcher: the message and the contact's channel as they are now. */
@Component
class NoticeDelivery {

    /** What to send and where, or why it cannot be sent any more. */
    record Prepared(NotificationMessage message, ChannelConfig channel, String failure) {
    }

    private final JdbcClient jdbc;
    private final TenantContactStore contacts;

    NoticeDelivery(JdbcClient jdbc, TenantContactStore contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    Prepared prepare(UUID noticeId, UUID contactId) {
        Optional<NoticeMessage> notice = jdbc.sql("""
                SELECT n.id, t.slug, n.topic, n.subject, n.body, n.reference, n.created_at
                FROM tenant_notice n JOIN tenant t ON t.id = n.tenant_id WHERE n.id = ?""").param(noticeId)
                .query((rs, i) -> new NoticeMessage(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).optional();
        Optional<TenantContactStore.Contact> contact = contactId == null ? Optional.empty() : contacts.byId(contactId);
        if (notice.isEmpty()) {
            return new Prepared(null, null, "the notice no longer exists");
        }
        if (contact.isEmpty()) {
            return new Prepared(null, null, "the contact no longer exists");
        }
        if (!contact.get().enabled()) {
            return new Prepared(null, null, "the contact was disabled");
        }
        return new Prepared(notice.get(), contact.get().channel(), null);
    }
}
