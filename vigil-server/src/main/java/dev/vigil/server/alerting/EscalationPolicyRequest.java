package dev.vigil.server.alerting;

import java.util.List;

/** A new or replaced escalation policy: its steps in order, and how often the whole chain repeats (after {@code repeatAfter}). */
public record EscalationPolicyRequest(String name, String description, List<EscalationStep> steps, Integer repeat, String repeatAfter) {
}
