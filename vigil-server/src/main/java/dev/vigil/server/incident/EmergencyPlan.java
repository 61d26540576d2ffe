package dev.vigil.server.incident;

import java.util.List;

/**
 * What a team does for one type (and level) of incident: the steps, who does what, communication duties, recovery at
 * storage and application level, and the tasks every new incident of that type starts with.
 */
public record EmergencyPlan(String title, List<String> steps, List<Duty> roles, List<String> communication, Recovery recovery,
                            List<TaskTemplate> tasks) {

    public EmergencyPlan {
        steps = steps == null ? List.of() : List.copyOf(steps);
        roles = roles == null ? List.of() : List.copyOf(roles);
        communication = communication == null ? List.of() : List.copyOf(communication);
        recovery = recovery == null ? new Recovery(List.of(), List.of()) : recovery;
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** Who does what. */
    public record Duty(String role, String duties) {
    }

    /** Recovery plans: restoring storage (data, backups) and applications. */
    public record Recovery(List<String> storage, List<String> application) {

        public Recovery {
            storage = storage == null ? List.of() : List.copyOf(storage);
            application = application == null ? List.of() : List.copyOf(application);
        }
    }

    /**
     * A task every incident of the plan starts with.
     *
     * @param kind  response or recovery
     * @param role  who usually does it
     * @param dueIn ISO-8601 duration after the incident is declared ({@code PT4H})
     */
    public record TaskTemplate(String title, String kind, String role, String dueIn) {
    }
}
