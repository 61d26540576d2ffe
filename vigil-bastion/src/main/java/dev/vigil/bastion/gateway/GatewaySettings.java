package dev.vigil.bastion.gateway;

import java.nio.file.Path;
import java.time.Duration;

import dev.vigil.bastion.kex.KexKeyPoolSettings;

/**
 * @param bindAddress         where the gateway listens
 * @param port                its port (0: any free port)
 * @param hostKeyFile         the gateway's own host key, created on first start
 * @param upstreamTimeout     connect + login timeout towards a target
 * @param maxRecordingBytes   cap per recording (uncompressed asciicast); beyond it the recording ends with a marker
 * @param revocationCheck     how often live sessions are checked against the broker (disabled users, expired grants)
 * @param reviewWait          how long a command the policy sends to review is held for an approver's decision
 * @param upstreamKexKeys     the client key pairs of the upstream key exchange made ahead of time
 */
public record GatewaySettings(String bindAddress, int port, Path hostKeyFile, Duration upstreamTimeout, long maxRecordingBytes,
        Duration revocationCheck, Duration reviewWait, KexKeyPoolSettings upstreamKexKeys) {

    public static final Duration DEFAULT_REVIEW_WAIT = Duration.ofMinutes(5);

    public GatewaySettings(String bindAddress, int port, Path hostKeyFile, Duration upstreamTimeout, long maxRecordingBytes,
            Duration revocationCheck) {
        this(bindAddress, port, hostKeyFile, upstreamTimeout, maxRecordingBytes, revocationCheck, DEFAULT_REVIEW_WAIT);
    }

    public GatewaySettings(String bindAddress, int port, Path hostKeyFile, Duration upstreamTimeout, long maxRecordingBytes,
            Duration revocationCheck, Duration reviewWait) {
        this(bindAddress, port, hostKeyFile, upstreamTimeout, maxRecordingBytes, revocationCheck, reviewWait, KexKeyPoolSettings.DEFAULT);
    }
}
