package dev.vigil.bastion.rotation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.vigil.bastion.gateway.UpstreamCredential;
import dev.vigil.bastion.gateway.VaultedKeys;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.keyboard.UserAuthKeyboardInteractiveFactory;
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
 * Changes a target account's password over SSH and checks a password by logging in with it. Two ways to change it:
 * <ul>
 * <li>{@link #changeOwn}: the account logs in with its current password and runs {@code passwd} in a terminal,
 * answering its prompts (the usual case for an account that holds no other privilege);</li>
 * <li>{@link #changeAs}: another account of the target (root, or one whose login runs {@code chpasswd} as root) feeds
 * {@code account:password} to {@code chpasswd} on its standard input, so the password is on no command line.</li>
 * </ul>
 * Its own MINA client reads no {@code ~/.ssh} file and accepts only the pinned host key. No message carries a password.
 */
public final class PasswordRotator implements AutoCloseable {

    private static final AttributeRepository.AttributeKey<RotationTarget> TARGET = new AttributeRepository.AttributeKey<>();
    private static final AttributeRepository.AttributeKey<AtomicReference<String>> KEY_PROBLEM = new AttributeRepository.AttributeKey<>();

    private final SshClient client;
    private final Duration timeout;

    public PasswordRotator(Duration timeout) {
        this.timeout = timeout;
        client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setUserAuthFactories(java.util.List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE,
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

    /** The account changes its own password with {@code passwd} in a terminal. */
    public void changeOwn(RotationTarget target, String account, String current, String next) throws RotationException {
        try (ClientSession session = login(target, account, new UpstreamCredential.Password(current))) {
            PasswdDialogue dialogue = new PasswdDialogue(current, next);
            ChannelExec channel = session.createExecChannel("LC_ALL=C LANG=C passwd");
            channel.setUsePty(true);
            channel.open().verify(timeout);
            String shown = converse(channel, dialogue);
            Integer status = channel.getExitStatus();
            if (status == null || status != 0) {
                throw new RotationException("passwd as " + account + " on " + target.name() + " failed (exit "
                        + (status == null ? "unknown" : status) + "): " + lastLine(redact(shown, current, next)));
            }
        } catch (IOException e) {
            throw new RotationException("passwd as " + account + " on " + target.name() + " failed: " + concise(e), e);
        }
    }

    /** Another account of the target sets the password with {@code chpasswd}, reading {@code account:password} from stdin. */
    public void changeAs(RotationTarget target, String admin, UpstreamCredential adminCredential, String account, String next)
            throws RotationException {
        if (account.contains(":") || account.contains("\n")) {
            throw new RotationException("account name " + account + " cannot be given to chpasswd");
        }
        try (ClientSession session = login(target, admin, adminCredential)) {
            ChannelExec channel = session.createExecChannel("chpasswd");
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            channel.setErr(errors);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            channel.setOut(output);
            channel.open().verify(timeout);
            OutputStream stdin = channel.getInvertedIn();
            stdin.write((account + ":" + next + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            stdin.close();
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            Integer status = channel.getExitStatus();
            if (status == null || status != 0) {
                throw new RotationException("chpasswd as " + admin + " on " + target.name() + " failed (exit "
                        + (status == null ? "unknown" : status) + "): " + lastLine(redact(errors.toString(StandardCharsets.UTF_8)
                        + output.toString(StandardCharsets.UTF_8), next)));
            }
        } catch (IOException e) {
            throw new RotationException("chpasswd as " + admin + " on " + target.name() + " failed: " + concise(e), e);
        }
    }

    /**
     * Whether the target accepts this password for the account: true when the login succeeds, false when the target
     * refuses it; a connection problem or a host key other than the pin is an exception, not a refusal.
     */
    public boolean accepts(RotationTarget target, String account, String password) throws RotationException {
        AtomicReference<String> keyProblem = new AtomicReference<>();
        ClientSession session = null;
        try {
            session = connect(target, account, keyProblem);
            session.addPasswordIdentity(password);
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
            throw new RotationException("cannot check the password of " + account + " on " + target.name() + ": "
                    + (failure == null ? "no answer within " + timeout.toSeconds() + " s" : concise(failure)));
        } catch (IOException e) {
            throw new RotationException(keyProblem.get() != null ? keyProblem.get()
                    : "cannot reach " + target.name() + " to check the password of " + account + ": " + concise(e), e);
        } finally {
            if (session != null) {
                session.close(true);
            }
        }
    }

    private ClientSession login(RotationTarget target, String account, UpstreamCredential credential) throws RotationException {
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

    private ClientSession connect(RotationTarget target, String account, AtomicReference<String> keyProblem) throws IOException {
        AttributeRepository context = AttributeRepository.ofAttributesMap(Map.of(TARGET, target, KEY_PROBLEM, keyProblem));
        return client.connect(account, target.host(), target.port(), context).verify(timeout).getSession();
    }

    /** Reads the terminal, answering each prompt, until passwd ends; returns what it showed. */
    private String converse(ChannelExec channel, PasswdDialogue dialogue) throws IOException, RotationException {
        InputStream out = channel.getInvertedOut();
        OutputStream in = channel.getInvertedIn();
        StringBuilder shown = new StringBuilder();
        int answeredUpTo = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[1024];
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new RotationException("passwd did not finish within " + timeout.toSeconds() + " s; it showed: "
                        + lastLine(shown.toString()));
            }
            if (out.available() > 0) {
                int n = out.read(buffer);
                if (n < 0) {
                    break;
                }
                shown.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                Optional<String> answer = dialogue.answer(shown.substring(answeredUpTo));
                if (answer.isPresent()) {
                    in.write((answer.get() + "\r").getBytes(StandardCharsets.UTF_8));
                    in.flush();
                    answeredUpTo = shown.length();
                }
            } else if (channel.isClosed() || channel.getExitStatus() != null && out.available() == 0) {
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(5));
                break;
            } else {
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS), Duration.ofMillis(50));
            }
        }
        return shown.toString();
    }

    private static String redact(String text, String... secrets) {
        String result = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                result = result.replace(secret, "***");
            }
        }
        return result;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        String line = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return line.isEmpty() ? "(no output)" : line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static String concise(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    @Override
    public void close() throws IOException {
        client.stop();
    }
}
