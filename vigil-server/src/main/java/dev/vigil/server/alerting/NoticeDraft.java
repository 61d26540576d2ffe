package dev.vigil.server.alerting;

import java.util.UUID;

/**
 * A notice to send to a tenant's contacts.
 *
 * @param topic     one of {@link TenantNotices#TOPICS}; only contacts that want it are told
 * @param reference what it is about, as {@code kind:id} (e.g. {@code incident:<uuid>}, {@code advisory:<tracking id>}), or null
 */
public record NoticeDraft(UUID tenantId, String topic, String subject, String body, String reference) {
}
