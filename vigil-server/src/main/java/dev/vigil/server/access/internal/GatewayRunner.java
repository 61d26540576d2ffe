package dev.vigil.server.access.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import dev.vigil.bastion.gateway.BastionGateway;
import dev.vigil.bastion.gateway.GatewaySettings;
import dev.vigil.bastion.kex.KexKeyPoolSettings;
import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the bastion's SSH gateway with the server on {@code vigil.access.ssh-port} (flag {@code --ssh-port}); its host
 * key lives in {@code <data-dir>/keys/bastion_host_key}.
 */
@Component
public class GatewayRunner implements SmartLifecycle {

    private static final System.Logger LOG = System.getLogger(GatewayRunner.class.getName());

    private final VigilProperties properties;
    private final OperatorDirectory operators;
    private final GrantBroker broker;
    private final VaultCredentials credentials;
    private final PinnedHostKeys hostKeys;
    private final SessionStore sessions;
    private final TargetCommandPolicies policies;
    private final HeldCommandApprovals approvals;
    private volatile BastionGateway gateway;

    GatewayRunner(VigilProperties properties, OperatorDirectory operators, GrantBroker broker, VaultCredentials credentials,
            PinnedHostKeys hostKeys, SessionStore sessions, TargetCommandPolicies policies, HeldCommandApprovals approvals) {
        this.properties = properties;
        this.operators = operators;
        this.broker = broker;
        this.credentials = credentials;
        this.hostKeys = hostKeys;
        this.sessions = sessions;
        this.policies = policies;
        this.approvals = approvals;
    }

    @Override
    public synchronized void start() {
        VigilProperties.Access settings = properties.access();
        if (settings.sshPort() < 0) {
            LOG.log(System.Logger.Level.INFO, "bastion SSH gateway is off (vigil.access.ssh-port=-1)");
            return;
        }
        BastionGateway created = new BastionGateway(new GatewaySettings(settings.sshAddress(), settings.sshPort(),
                properties.resolvedDataDir().resolve("keys/bastion_host_key"), settings.upstreamTimeout(), settings.maxRecordingSize().toBytes(),
                settings.revocationCheck(), settings.reviewTimeout(), new KexKeyPoolSettings(settings.kexKeyPoolSize(), settings.kexKeyMaxAge())),
                operators, broker, credentials, hostKeys, sessions, policies, approvals);
        try {
            created.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the bastion SSH gateway on " + settings.sshAddress() + ":" + settings.sshPort()
                    + " (vigil.access.ssh-port / --ssh-port): " + e.getMessage(), e);
        }
        gateway = created;
    }

    @Override
    public synchronized void stop() {
        if (gateway != null) {
            try {
                gateway.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "bastion gateway did not stop cleanly", e);
            }
            gateway = null;
        }
    }

    @Override
    public boolean isRunning() {
        return gateway != null;
    }

    /** The bound port, or -1 when the gateway is off. */
    public int port() {
        BastionGateway running = gateway;
        return running == null ? -1 : running.port();
    }

    public List<String> liveSessionIds() {
        BastionGateway running = gateway;
        return running == null ? List.of() : running.liveSessionIds();
    }

    public java.util.Optional<dev.vigil.bastion.recording.LiveTail.Viewer> watch(String sessionId) {
        BastionGateway running = gateway;
        return running == null ? java.util.Optional.empty() : running.watch(sessionId);
    }

    public boolean terminate(String sessionId, String reason) {
        BastionGateway running = gateway;
        return running != null && running.terminate(sessionId, reason);
    }

    /** Checks connected operators now (called after a user was disabled, besides the periodic check). */
    public void cutOffRevoked() {
        BastionGateway running = gateway;
        if (running != null) {
            running.cutOffRevoked();
        }
    }
}
