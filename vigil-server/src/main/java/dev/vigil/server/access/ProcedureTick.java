package dev.vigil.server.access;

import java.util.UUID;

/** The evidence for a step: a text, optionally a command of a bound session ({@code sessionId} + {@code commandSeq}) and a link. */
public record ProcedureTick(String evidence, UUID sessionId, Integer commandSeq, String link) {
}
