package dev.vigil.bastion.gateway;

import java.time.Instant;
import java.util.Optional;

/** A channel that was granted and is connected upstream; {@code connectionId} groups channels of one SSH connection. */
public record SessionOpened(String sessionId, String connectionId, Operator operator, UpstreamTarget target, ChannelKind kind,
        Optional<String> command, boolean pty, String sourceAddress, Instant startedAt) {
}
