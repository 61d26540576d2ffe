package dev.vigil.server.alerting;

import java.time.Instant;

/** One version of the routing tree; an empty {@code yaml} switches routing off. */
public record RoutingView(int version, String yaml, String createdBy, Instant createdAt) {
}
