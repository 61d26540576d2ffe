package dev.vigil.server.alerting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A silence: while active, alerts whose labels match every matcher are not notified. */
public record SilenceView(UUID id, List<String> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment,
                          Instant createdAt, String expiredBy, Instant expiredAt, String state) {
}
