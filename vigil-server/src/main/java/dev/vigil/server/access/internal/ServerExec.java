package dev.vigil.server.access.internal;

import java.io.IOException;

import dev.vigil.bastion.gateway.UpstreamExec;
import dev.vigil.server.platform.config.VigilProperties;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * The server's own exec client towards targets (for playbook steps): {@code vigil-bastion}'s {@link UpstreamExec} over
 * the same vault, host-key pins, command policy and session store as the gateway; it works also when the gateway's
 * port is off.
 */
@Component
public class ServerExec {

    private final UpstreamExec exec;

    ServerExec(VigilProperties properties, PinnedHostKeys hostKeys, SessionStore sessions, VaultCredentials credentials,
            TargetCommandPolicies policies) {
        VigilProperties.Access settings = properties.access();
        this.exec = new UpstreamExec(hostKeys, sessions, credentials, policies, settings.upstreamTimeout(), settings.maxRecordingSize().toBytes());
    }

    public UpstreamExec.Outcome run(UpstreamExec.Request request) throws UpstreamExec.CommandNotSentException {
        return exec.run(request);
    }

    @PreDestroy
    void stop() throws IOException {
        exec.close();
    }
}
