package dev.vigil.server.access;

import java.time.Instant;
import java.util.UUID;

/** A scope's command-policy mode. */
public record CommandModeView(UUID id, String targetGroup, String account, String mode, String uncertain, String createdBy, Instant createdAt) {
}
