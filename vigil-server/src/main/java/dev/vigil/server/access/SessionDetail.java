package dev.vigil.server.access;

import java.util.List;

/** A session with its commands and, for SFTP and SCP channels, its file transfers. */
public record SessionDetail(SessionView session, List<SessionCommandView> commands, List<SessionTransferView> transfers) {
}
