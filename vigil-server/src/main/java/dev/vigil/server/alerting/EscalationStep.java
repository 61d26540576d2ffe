package dev.vigil.server.alerting;

import java.util.List;

/**
 * One step of an escalation policy: {@code delay} (Prometheus duration, e.g. {@code 0s}, {@code 5m}) after the previous
 * step (the first: after the escalation starts) it pages whoever is on call in each schedule, each user (through their
 * contact methods) and each receiver (through its channels).
 */
public record EscalationStep(String delay, List<String> schedules, List<String> users, List<String> receivers) {

    public EscalationStep {
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        users = users == null ? List.of() : List.copyOf(users);
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
    }
}
