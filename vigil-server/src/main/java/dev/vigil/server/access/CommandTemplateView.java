package dev.vigil.server.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An approved command template at its current version, with every approved version ({@code versions}, newest first;
 * empty in lists).
 */
public record CommandTemplateView(UUID id, String name, int version, String description, String command, String target, String targetGroup,
        String account, List<Parameter> parameters, Instant updatedAt, List<Version> versions) {

    /** A typed parameter; {@code describe} says what it takes ({@code integer 1..65535}, {@code path under /var/log/}). */
    public record Parameter(String name, String type, Long min, Long max, List<String> values, String prefix, String describe) {
    }

    public record Version(int version, String command, UUID changeId, String requestedBy, String approvedBy, Instant createdAt) {
    }
}
