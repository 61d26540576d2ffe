package dev.vigil.bastion.gateway;

import java.time.Instant;

/** A command as the target's terminal showed it, with its offset into the recording for replay. */
public record RecordedCommand(Instant at, double offsetSeconds, String text) {
}
