package dev.vigil.server.access;

import java.time.Instant;
import java.util.UUID;

/**
 * One channel through the bastion: who, where, what, how it ended, its recording's SHA-256 (of the asciicast file) and
 * the procedure execution it is bound to, if any.
 */
public record SessionView(UUID id, String connectionId, UUID userId, String username, String target, String account, String kind,
        String command, boolean pty, String sourceAddress, Instant startedAt, Instant endedAt, Integer exitStatus, String exitSignal,
        String terminatedBy, String recordingSha256, Long recordingBytes, Boolean recordingTruncated, UUID tenantId, boolean live,
        UUID procedureExecutionId) {
}
