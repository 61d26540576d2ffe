package dev.vigil.bastion.rotation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

import dev.vigil.bastion.gateway.UpstreamCredential;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * Changes a target account's password over SSH and checks a password by logging in with it. Two ways to change it:
 * <ul>
 * <li>{@link #changeOwn}: the account logs in with its current password and runs {@code passwd} in a terminal,
 * answering its prompts (the usual case for an account that holds no other privilege);</li>
 * <li>{@link #changeAs}: another account of the target (root, or one whose login runs {@code chpasswd} as root) feeds
 * {@code account:password} to {@code chpasswd} on its standard input, so the password is on no command line.</li>
 * </ul>
 * Its own client ({@link TargetLogins}) reads no {@code ~/.ssh} file and accepts only the pinned host key. No message
 * carries a password.
 */
public final class PasswordRotator implements AutoCloseable {

    private final TargetLogins logins;
    private final Duration timeout;

    public PasswordRotator(Duration timeout) {
        this.timeout = timeout;
        this.logins = new TargetLogins(timeout);
    }

    /** The account changes its own password with {@code passwd} in a terminal. */
    public void changeOwn(RotationTarget target, String account, String current, String next) throws RotationException {
        try (ClientSession session = logins.login(target, account, new UpstreamCredential.Password(current))) {
            PasswdDialogue dialogue = new PasswdDialogue(current, next);
            ChannelExec channel = session.createExecChannel("LC_ALL=C LANG=C passwd");
            channel.setUsePty(true);
            channel.open().verify(timeout);
            String shown = converse(channel, dialogue);
            Integer status = channel.getExitStatus();
            if (status == null || status != 0) {
                throw new RotationException("passwd as " + account + " on " + target.name() + " failed (exit "
                        + (status == null ? "unknown" : status) + "): " + TargetLogins.lastLine(redact(shown, current, next)));
            }
        } catch (IOException e) {
            throw new RotationException("passwd as " + account + " on " + target.name() + " failed: " + TargetLogins.concise(e), e);
        }
    }

    /** Another account of the target sets the password with {@code chpasswd}, reading {@code account:password} from stdin. */
    public void changeAs(RotationTarget target, String admin, UpstreamCredential adminCredential, String account, String next)
            throws RotationException {
        if (account.contains(":") || account.contains("\n")) {
            throw new RotationException("account name " + account + " cannot be given to chpasswd");
        }
        try (ClientSession session = logins.login(target, admin, adminCredential)) {
            TargetLogins.Exec result = logins.exec(session, "chpasswd", account + ":" + next + "\n");
            if (!result.succeeded()) {
                throw new RotationException("chpasswd as " + admin + " on " + target.name() + " failed (exit "
                        + (result.status() == null ? "unknown" : result.status()) + "): "
                        + TargetLogins.lastLine(redact(result.err() + result.out(), next)));
            }
        } catch (IOException e) {
            throw new RotationException("chpasswd as " + admin + " on " + target.name() + " failed: " + TargetLogins.concise(e), e);
        }
    }

    /**
     * Whether the target accepts this password for the account: true when the login succeeds, false when the target
     * refuses it; a connection problem or a host key other than the pin is an exception, not a refusal.
     */
    public boolean accepts(RotationTarget target, String account, String password) throws RotationException {
        return logins.accepts(target, account, new UpstreamCredential.Password(password));
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
                        + TargetLogins.lastLine(shown.toString()));
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

    @Override
    public void close() throws IOException {
        logins.close();
    }
}
