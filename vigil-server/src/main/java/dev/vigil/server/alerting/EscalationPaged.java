package dev.vigil.server.alerting;

import java.util.List;

/**
 * Published (in the escalation's transaction) when a step of an escalation has paged: whom ({@code paged}: users as
 * {@code user:<name>}, receivers by name) and which targets reached nobody ({@code unreached}, with the reason).
 */
public record EscalationPaged(AlertView alert, String policy, int step, int round, List<String> paged, List<String> unreached) {
}
