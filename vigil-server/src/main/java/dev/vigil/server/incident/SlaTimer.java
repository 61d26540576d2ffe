package dev.vigil.server.incident;

import java.time.Instant;

/**
 * One SLA timer of an incident.
 *
 * @param limit ISO-8601 duration the level allows
 * @param state running, breached (due and not met), met, met-late
 */
public record SlaTimer(String name, String limit, Instant dueAt, Instant metAt, String state) {
}
