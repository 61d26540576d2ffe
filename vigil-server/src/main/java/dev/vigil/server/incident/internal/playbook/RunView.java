package dev.vigil.server.incident.internal.playbook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A playbook run on an incident: queued, running, succeeded or failed (a failed run can be resumed; steps already
 * done are not repeated).
 */
public record RunView(UUID id, UUID incident, UUID playbook, String playbookName, int playbookVersion, String trigger,
                      String status, String startedBy, String error, Instant createdAt, Instant finishedAt, List<StepRun> steps) {

    /** One step of a run: pending, succeeded, skipped (its condition did not hold) or failed. */
    public record StepRun(int index, String name, String type, String status, int attempts, Map<String, Object> output,
                          String error, Instant startedAt, Instant finishedAt) {
    }
}
