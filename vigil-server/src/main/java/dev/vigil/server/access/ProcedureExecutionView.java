package dev.vigil.server.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An execution of an operating procedure: what, where, for what and when; its state ({@code requested} while its
 * change waits for approval, then {@code approved}, {@code completed} or {@code abandoned}; {@code changeState} says
 * whether the change was rejected, withdrawn or expired); the steps with their ticks; the bastion sessions bound to it
 * and their commands outside the plan.
 */
public record ProcedureExecutionView(UUID id, UUID procedureId, String procedure, int procedureVersion, String kind, UUID userId,
        String username, String account, List<String> targets, UUID tenantId, String purpose, Instant from, Instant until, String state,
        UUID changeId, String changeState, Instant createdAt, Instant approvedAt, String approvedBy, Instant closedAt, String closedBy,
        String closeReason, Integer nextStep, List<Step> steps, List<BoundSession> sessions, List<FlaggedCommand> outOfPlan) {

    /** A step of the plan and its tick, if ticked. */
    public record Step(int number, String title, String instructions, List<String> commands, List<String> patterns, boolean evidenceRequired,
            Tick tick) {
    }

    /** Who ticked a step, when, with what evidence (text, optionally a command of a bound session and a link). */
    public record Tick(String evidence, UUID sessionId, Integer commandSeq, String link, String tickedBy, Instant tickedAt) {
    }

    /** A bastion session bound to the execution. */
    public record BoundSession(UUID id, String target, String account, String kind, Instant startedAt, Instant endedAt) {
    }

    /** A command of a bound session that the plan did not expect. */
    public record FlaggedCommand(UUID sessionId, int seq, String target, Instant at, String command, String decision) {
    }
}
