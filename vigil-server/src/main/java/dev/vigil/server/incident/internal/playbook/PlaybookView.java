package dev.vigil.server.incident.internal.playbook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A playbook at its current version; {@code versions} (every version, newest first) only when one playbook is read.
 */
public record PlaybookView(UUID id, String name, String description, int version, PlaybookDefinition.Trigger trigger,
                           List<String> steps, String definition, Instant updatedAt, List<Version> versions) {

    /** One approved version of the definition. */
    public record Version(int version, String definition, UUID change, String requestedBy, String approvedBy, Instant createdAt) {
    }
}
