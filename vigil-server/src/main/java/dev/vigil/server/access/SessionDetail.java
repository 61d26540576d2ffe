package dev.vigil.server.access;

import java.util.List;

/** A session with its commands. */
public record SessionDetail(SessionView session, List<SessionCommandView> commands) {
}
