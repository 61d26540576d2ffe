package dev.vigil.server.incident;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files of an incident: at most {@code vigil.incident.max-attachment-size}, of the accepted types only (see
 * {@link AttachmentTypes}), kept with their SHA-256 so a copy can be matched to the original.
 */
@Service
public class AttachmentService {

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final AuditLog audit;
    private final long maxSize;

    AttachmentService(JdbcClient jdbc, IncidentStore store, AuditLog audit, VigilProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
        this.maxSize = properties.incident().maxAttachmentSize().toBytes();
    }

    @Transactional
    public IncidentView.Attachment upload(UUID incidentId, String filename, String declaredType, byte[] content) {
        IncidentRow incident = store.lock(incidentId, "update");
        String name = filename == null ? "" : filename.replaceAll("[\\\\/]", "_").strip();
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest("invalid-attachment", "filename is required (at most 255 characters, no control characters)");
        }
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("invalid-attachment", "the file is empty");
        }
        if (content.length > maxSize) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "attachments may be at most " + maxSize
                    + " bytes (vigil.incident.max-attachment-size)");
        }
        String type;
        try {
            type = AttachmentTypes.check(name, declaredType, content);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-attachment", e.getMessage());
        }
        String sha256 = DigestUtils.sha256Hex(content);
        UUID id = UUID.randomUUID();
        String who = store.caller();
        jdbc.sql("""
                INSERT INTO incident_attachment (id, incident_id, filename, content_type, size, sha256, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, incidentId, name, type, content.length, sha256, content, who, Timestamp.from(store.now())).update();
        store.note(incidentId, "attachment", who, "Attachment added: " + name + " (" + content.length + " bytes, sha256 " + sha256 + ")");
        audit.record(AuditEntry.success("incident.attachment.add", "incident", incidentId, store.tenantId(incident.tenant()),
                Map.of("attachment", id.toString(), "filename", name, "contentType", type, "size", content.length, "sha256", sha256)));
        return list(incidentId).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    public IncidentFile download(UUID incidentId, UUID attachmentId) {
        store.read(incidentId);
        return jdbc.sql("SELECT filename, content_type, content FROM incident_attachment WHERE incident_id = ? AND id = ?")
                .params(incidentId, attachmentId).query((rs, n) -> new IncidentFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional().orElseThrow(() -> ProblemException.notFound("attachment", attachmentId));
    }

    List<IncidentView.Attachment> list(UUID incidentId) {
        return jdbc.sql("""
                SELECT id, filename, content_type, size, sha256, uploaded_by, uploaded_at FROM incident_attachment
                WHERE incident_id = ? ORDER BY uploaded_at""").param(incidentId)
                .query((rs, n) -> new IncidentView.Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }
}
