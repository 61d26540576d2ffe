package dev.vigil.server.incident;

import java.util.UUID;

/**
 * Published (in the changing transaction) when a person opens an incident or sets its level; playbook triggers listen
 * for it after the commit.
 *
 * @param what  opened or graded
 * @param level the final level, null while ungraded
 */
public record IncidentChanged(UUID incidentId, String what, String type, Integer level) {
}
