package dev.vigil.server.alerting.internal.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A notice to a tenant's contact: the text the sender wrote, with what it is about and where to ask. */
public record NoticeMessage(UUID id, String tenant, String topic, String subject, String body, String reference, Instant sentAt)
        implements NotificationMessage {

    @Override
    public String text() {
        return subject + "\n\n" + body + (body.endsWith("\n") ? "" : "\n") + "\nReference: " + id
                + (reference == null ? "" : " (" + reference + ")") + "\n";
    }

    @Override
    public Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", "1");
        document.put("kind", "tenant-notice");
        document.put("id", id.toString());
        document.put("tenant", tenant);
        document.put("topic", topic);
        document.put("subject", subject);
        document.put("body", body);
        document.put("reference", reference);
        document.put("sentAt", sentAt.toString());
        return document;
    }
}
