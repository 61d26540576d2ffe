package dev.vigil.bastion.gateway;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param bindAddress         where the gateway listens
 * @param port                its port (0: any free port)
 * @param hostKeyFile         the gateway's own host key, created on first start
 * @param upstreamTimeout     connect + login timeout towards a target
 * @param maxRecordingBytes   cap per recording (uncompressed asciicast); beyond it the recording ends with a marker
 * @param revocationCheck     how often live sessions are checked against the broker (disabled users, expired grants)
 * @param reviewWait          how long a command the policy sends to review is held for an approver's decision
 */
public record GatewaySettings(String bindAddress, int port, Path hostKeyFile, Duration upstreamTimeout, long maxRecordingBytes,
        Duration revocationCheck, Duration reviewWait) {

    public static final Duration DEFAULT_REVIEW_WAIT = Duration.ofMinutes(5);

    public GatewaySettings(String bindAddress, int port, Path hostKeyFile, Duration upstreamTimeout, long maxRecordingBytes,
            Duration revocationCheck) {
        this(bindAddress, port, hostKeyFile, upstreamTimeout, maxRecordingBytes, revocationCheck, DEFAULT_REVIEW_WAIT);
    }
}
