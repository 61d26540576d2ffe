package dev.vigil.bastion.gateway;

import java.time.Instant;

import dev.vigil.bastion.recording.Recording;

/**
 * How a channel ended: the target's exit status or signal (both may be null when the target sent neither), why the
 * gateway ended it if it did ({@code terminatedBy}: null when the session ended by itself), and its recording. For a
 * port forward, the bytes the operator sent towards the destination and received from it (0 for other channels).
 */
public record SessionClosed(Instant endedAt, Integer exitStatus, String exitSignal, String terminatedBy, Recording recording,
        long bytesToTarget, long bytesFromTarget) {

    public SessionClosed(Instant endedAt, Integer exitStatus, String exitSignal, String terminatedBy, Recording recording) {
        this(endedAt, exitStatus, exitSignal, terminatedBy, recording, 0, 0);
    }
}
