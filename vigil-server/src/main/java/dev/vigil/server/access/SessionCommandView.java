package dev.vigil.server.access;

import java.time.Instant;

/** A command of a session as the terminal showed it, with its offset into the recording (to jump there in replay). */
public record SessionCommandView(int seq, Instant at, double offsetSeconds, String command) {
}
