package dev.vigil.server.approval;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A change a feature asks for.
 *
 * @param kind      a {@link ChangeKind#kind()} with a registered bean
 * @param subject   the id of the object changed (a monitor id, a grant id)
 * @param title     one line for lists ("Update monitor disk-full")
 * @param payload   what apply needs, as JSON-compatible values
 * @param diff      the change as people review it (a unified diff of the definition, or a description of the action)
 * @param reason    why, in the requester's words (required)
 * @param tenantId  the tenant the change affects, or null
 * @param emergency apply at once, review afterwards
 */
public record ChangeDraft(String kind, String subject, String title, Map<String, Object> payload, String diff, String reason,
                          UUID tenantId, boolean emergency) {

    public ChangeDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(title, "title");
        payload = payload == null ? Map.of() : payload;
        diff = diff == null ? "" : diff;
        reason = reason == null ? "" : reason.strip();
    }
}
