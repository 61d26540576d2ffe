package dev.vigil.server.incident.internal.playbook;

import java.util.List;
import java.util.UUID;

/** What a run would do now, step by step, without doing it. */
public record DryRunView(UUID incident, UUID playbook, String playbookName, int playbookVersion, List<Step> steps) {

    /**
     * @param runs   yes, no (its condition does not hold), or depends (its condition reads outputs of earlier steps)
     * @param action what the step would do, placeholders filled in from the incident (step outputs stay empty)
     */
    public record Step(String name, String type, String condition, String runs, String action, int retries, String timeout) {
    }
}
