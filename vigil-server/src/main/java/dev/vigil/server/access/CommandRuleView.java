package dev.vigil.server.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A command rule. */
public record CommandRuleView(UUID id, String name, int priority, String targetGroup, String account, List<String> programs, String pattern,
        String action, String description, String createdBy, Instant createdAt, Instant updatedAt) {
}
