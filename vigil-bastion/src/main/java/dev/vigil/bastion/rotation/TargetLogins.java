package dev.vigil.bastion.rotation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.vigil.bastion.gateway.UpstreamCredential;
import dev.vigil.bastion.gateway.VaultedKeys;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The rotators' own SSH client: it reads no {@code ~/.ssh} file, accepts only the target's pinned host key, logs in
 * with a vaulted credential, runs one command and tells a refused login from an unreachable target.
 */
final class TargetLogins implements AutoCloseable {

    private static final AttributeRepository.AttributeKey<RotationTarget> TARGET = new AttributeRepository.AttributeKey<>();
    private static final AttributeRepository.AttributeKey<AtomicReference<String>> KEY_PROBLEM = new AttributeRepository.AttributeKey<>();

    /** What a command run over {@link #exec} ended with; {@code status} null when the target sent none. */
    record Exec(Integer status, String out, String err) {
        boolean succeeded() {
            return status != null && status == 0;
        }
    }

    private final SshClient client;
    private final Duration timeout;

    TargetLogins(Duration timeout) {
        this.timeout = timeout;
        client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE,
                UserAuthPasswordFactory.INSTANCE));
        client.setServerKeyVerifier((session, address, key) -> {
            AttributeRepository context = session.getConnectionContext();
            RotationTarget target = context == null ? null : context.getAttribute(TARGET);
            if (target != null && KeyUtils.compareKeys(target.hostKey(), key)) {
                return true;
            }
            if (context != null && context.getAttribute(KEY_PROBLEM) != null) {
                context.getAttribute(KEY_PROBLEM).set("the host key of " + (target == null ? "the target" : target.name())
                        + " (" + KeyUtils.getFingerPrint(key) + ") is not the pinned one; nothing was changed");
            }
            return false;
        });
        CoreModuleProperties.AUTH_TIMEOUT.set(client, timeout);
        client.start();
    }

    Duration timeout() {
        return timeout;
    }

    /** A logged-in session as the account; the message of a failure names the target and the account, never the secret. */
    ClientSession login(RotationTarget target, String account, UpstreamCredential credential) throws RotationException {
        AtomicReference<String> keyProblem = new AtomicReference<>();
        ClientSession session = null;
        try {
            session = connect(target, account, keyProblem);
            VaultedKeys.addIdentity(session, credential);
            session.auth().verify(timeout);
            return session;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (session != null) {
                session.close(true);
            }
            throw new RotationException(keyProblem.get() != null ? keyProblem.get()
                    : "cannot log in to " + target.name() + " as " + account + " with the vaulted credential: " + concise(e), e);
        }
    }

    /**
     * Whether the target accepts this credential for the account: true when the login succeeds, false when the target
     * refuses it; a connection problem or a host key other than the pin is an exception, not a refusal.
     */
    boolean accepts(RotationTarget target, String account, UpstreamCredential credential) throws RotationException {
        AtomicReference<String> keyProblem = new AtomicReference<>();
        ClientSession session = null;
        try {
            session = connect(target, account, keyProblem);
            VaultedKeys.addIdentity(session, credential);
            AuthFuture auth = session.auth();
            auth.await(timeout);
            if (auth.isSuccess()) {
                return true;
            }
            if (keyProblem.get() != null) {
                throw new RotationException(keyProblem.get());
            }
            Throwable failure = auth.getException();
            if (failure != null && String.valueOf(failure.getMessage()).contains("No more authentication methods available")) {
                return false;
            }
            throw new RotationException("cannot check the credential of " + account + " on " + target.name() + ": "
                    + (failure == null ? "no answer within " + timeout.toSeconds() + " s" : concise(failure)));
        } catch (IOException | GeneralSecurityException e) {
            throw new RotationException(keyProblem.get() != null ? keyProblem.get()
                    : "cannot reach " + target.name() + " to check the credential of " + account + ": " + concise(e), e);
        } finally {
            if (session != null) {
                session.close(true);
            }
        }
    }

    /** Runs the command (no terminal), feeds it {@code stdin} and waits for it to end. */
    Exec exec(ClientSession session, String command, String stdin) throws IOException {
        ChannelExec channel = session.createExecChannel(command);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        channel.setOut(out);
        channel.setErr(err);
        channel.open().verify(timeout);
        OutputStream in = channel.getInvertedIn();
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
        in.flush();
        in.close();
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
        return new Exec(channel.getExitStatus(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private ClientSession connect(RotationTarget target, String account, AtomicReference<String> keyProblem) throws IOException {
        AttributeRepository context = AttributeRepository.ofAttributesMap(Map.of(TARGET, target, KEY_PROBLEM, keyProblem));
        return client.connect(account, target.host(), target.port(), context).verify(timeout).getSession();
    }

    static String concise(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        String line = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return line.isEmpty() ? "(no output)" : line.length() > 200 ? line.substring(0, 200) : line;
    }

    @Override
    public void close() throws IOException {
        client.stop();
    }
}
