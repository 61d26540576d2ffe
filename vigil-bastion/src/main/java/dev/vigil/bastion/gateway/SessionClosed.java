package dev.vigil.bastion.gateway;

import java.time.Instant;

import dev.vigil.bastion.recording.Recording;

/**
 * How a channel ended: the target's exit status or signal (both may be null when the target sent neither), why the
 * gateway ended it if it did ({@code terminatedBy}: null when the session ended by itself), and its recording.
 */
public record SessionClosed(Instant endedAt, Integer exitStatus, String exitSignal, String terminatedBy, Recording recording) {
}
