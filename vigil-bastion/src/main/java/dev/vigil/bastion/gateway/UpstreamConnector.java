package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.vigil.bastion.kex.KexKeyPoolSettings;
import dev.vigil.bastion.kex.UpstreamKexKeys;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The gateway's client side: one isolated MINA client that logs in to targets with vaulted credentials only. It never
 * reads {@code ~/.ssh/config}, {@code known_hosts} or default identity files; every target host key is checked against
 * the pin through {@link HostKeyTrust}.
 */
final class UpstreamConnector implements AutoCloseable {

    private static final AttributeRepository.AttributeKey<UpstreamTarget> TARGET = new AttributeRepository.AttributeKey<>();
    private static final AttributeRepository.AttributeKey<AtomicReference<String>> KEY_PROBLEM = new AttributeRepository.AttributeKey<>();

    private final SshClient client;
    private final Duration timeout;
    private final UpstreamKexKeys kexKeys;

    UpstreamConnector(HostKeyTrust trust, SessionSink sink, Duration timeout, KexKeyPoolSettings kexKeyPool) {
        this.timeout = timeout;
        client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        TransportCiphers.upstream(client);
        kexKeys = new UpstreamKexKeys(kexKeyPool);
        kexKeys.installOn(client);
        client.setServerKeyVerifier((session, address, key) -> verify(trust, sink, session, key));
        // nothing a target opens is accepted unless the gateway says so (acceptFromTargets)
        client.setChannelFactories(List.of());
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ofHours(8));
        CoreModuleProperties.WINDOW_TIMEOUT.set(client, Duration.ofMinutes(2));
        CoreModuleProperties.AUTH_TIMEOUT.set(client, timeout);
        // without it a small packet written while the previous one is unacknowledged waits for the target's delayed
        // ACK (about 40 ms on Linux): a login's requests are such packets (docs/BENCHMARKS.md), and so are keystrokes
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.start();
    }

    /** The channel types a target may open on an upstream connection (each still checks what its connection allows). */
    void acceptFromTargets(List<ChannelFactory> factories) {
        client.setChannelFactories(factories);
    }

    ClientSession open(UpstreamTarget target, UpstreamCredential credential) throws UpstreamRefusedException {
        AtomicReference<String> keyProblem = new AtomicReference<>();
        AttributeRepository context = AttributeRepository.ofAttributesMap(java.util.Map.of(TARGET, target, KEY_PROBLEM, keyProblem));
        ClientSession session = null;
        try {
            session = client.connect(target.account(), target.host(), target.port(), context).verify(timeout).getSession();
            VaultedKeys.addIdentity(session, credential);
            session.auth().verify(timeout);
            return session;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            closeQuietly(session);
            if (keyProblem.get() != null) {
                throw new UpstreamRefusedException(keyProblem.get(), e);
            }
            throw new UpstreamRefusedException("cannot log in to " + target.targetName() + " as " + target.account() + ": "
                    + conciseReason(e), e);
        }
    }

    private static boolean verify(HostKeyTrust trust, SessionSink sink, ClientSession session, PublicKey key) {
        AttributeRepository context = session.getConnectionContext();
        UpstreamTarget target = context == null ? null : context.getAttribute(TARGET);
        AtomicReference<String> problem = context == null ? null : context.getAttribute(KEY_PROBLEM);
        if (target == null || problem == null) {
            return false;
        }
        String fingerprint = KeyUtils.getFingerPrint(key);
        return switch (trust.verify(target, key)) {
            case TRUSTED -> true;
            case UNCONFIRMED -> {
                problem.set("the host key of " + target.targetName() + " (" + fingerprint
                        + ") is not confirmed yet; an administrator must confirm it first");
                yield false;
            }
            case CHANGED -> {
                problem.set("the host key of " + target.targetName() + " has CHANGED (now " + fingerprint
                        + "); the connection is refused and an alert was raised");
                sink.hostKeyChanged(target, fingerprint);
                yield false;
            }
        };
    }

    private static String conciseReason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    private static void closeQuietly(ClientSession session) {
        if (session != null) {
            session.close(true);
        }
    }

    /** The key pairs of the upstream key exchange made ahead of time (for tests and benchmarks: how logins were served). */
    UpstreamKexKeys kexKeys() {
        return kexKeys;
    }

    @Override
    public void close() throws IOException {
        try {
            client.stop();
        } finally {
            kexKeys.close();
        }
    }
}
