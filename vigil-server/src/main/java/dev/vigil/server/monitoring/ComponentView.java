package dev.vigil.server.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A component of the catalogue with its dependencies both ways and its scrape state. */
public record ComponentView(UUID id, String name, String description, String owner, String tenant, String criticality,
                            String exposure, List<String> assets, List<String> upstream, List<String> downstream,
                            String scrapeUrl, String scrapeInterval, String health, List<Probe> probes, Instant createdAt,
                            Instant updatedAt) {
}
