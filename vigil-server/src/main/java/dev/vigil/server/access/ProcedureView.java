package dev.vigil.server.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An operating procedure template at its current version, with its versions when read on its own. */
public record ProcedureView(UUID id, String name, int version, ProcedureDefinition definition, Instant updatedAt, List<Version> versions) {

    /** One approved version: who asked, who approved (a shipped template: {@code vigil}). */
    public record Version(int version, UUID changeId, String requestedBy, String approvedBy, Instant createdAt) {
    }
}
