package dev.vigil.server.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A configured input: where events come from and whose they are.
 *
 * @param type    syslog or http
 * @param format  how payloads are parsed: syslog, json or line
 * @param tenant  slug of the owning tenant, or {@code platform} for the provider's own sources
 * @param asset   optional asset the source is bound to (every event of the input carries it)
 * @param sources for syslog inputs: the sender addresses or CIDR ranges that belong to this input
 */
public record InputView(UUID id, String name, String type, String format, String tenant, String asset, List<String> sources,
        String description, boolean enabled, String createdBy, Instant createdAt, Instant updatedAt) {
}
