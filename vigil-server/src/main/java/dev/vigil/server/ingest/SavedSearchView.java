package dev.vigil.server.ingest;

import java.time.Instant;
import java.util.UUID;

/** A search a user kept: the query and the time range (a span such as 24h, counted back from now). */
public record SavedSearchView(UUID id, String name, String query, String timeRange, boolean shared, String owner, Instant createdAt) {
}
