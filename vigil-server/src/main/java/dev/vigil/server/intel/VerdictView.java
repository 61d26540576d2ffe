package dev.vigil.server.intel;

import java.time.Instant;
import java.util.UUID;

/** An analyst's verdict on an indicator value ({@code false-positive} or {@code revoked}), with the reason. */
public record VerdictView(UUID id, String value, String verdict, String reason, String createdBy, Instant createdAt) {
}
