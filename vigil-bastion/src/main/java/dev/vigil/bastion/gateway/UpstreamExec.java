package dev.vigil.bastion.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.vigil.bastion.kex.KexKeyPoolSettings;
import dev.vigil.bastion.policy.CommandVerdict;
import dev.vigil.bastion.recording.Recording;
import dev.vigil.bastion.recording.SessionRecorder;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * Runs one command on a target from the server itself (a playbook step, not an operator's connection), with the same
 * parts as the gateway's exec channels: the command policy decides first (a refused command never reaches the target),
 * the upstream login uses the vaulted credential and the pinned host key ({@link UpstreamConnector}), and the session,
 * its command and its recording go to the {@link SessionSink}. Output (stdout and stderr, in arrival order) is recorded
 * in full up to the recording cap and captured up to {@code maxOutputBytes} for the caller. A command still running
 * after {@code timeout} is cut off (its channel and connection closed) and reported as timed out.
 */
public final class UpstreamExec implements AutoCloseable {

    private final UpstreamConnector connector;
    private final SessionSink sink;
    private final CredentialSource credentials;
    private final CommandPolicySource policies;
    private final Duration connectTimeout;
    private final long maxRecordingBytes;

    public UpstreamExec(HostKeyTrust trust, SessionSink sink, CredentialSource credentials, CommandPolicySource policies, Duration connectTimeout,
            long maxRecordingBytes) {
        // key pairs generated inline, as MINA does: the pool made ahead of time serves the gateway's operator logins
        this.connector = new UpstreamConnector(trust, sink, connectTimeout, KexKeyPoolSettings.OFF);
        this.sink = sink;
        this.credentials = credentials;
        this.policies = policies;
        this.connectTimeout = connectTimeout;
        this.maxRecordingBytes = maxRecordingBytes;
    }

    /**
     * @param sessionId      the id the session is stored under
     * @param connectionId   groups it (e.g. the playbook run and step)
     * @param operator       on whose behalf it runs (the person running the playbook)
     * @param sourceAddress  what the session shows as its origin
     */
    public record Request(String sessionId, String connectionId, Operator operator, UpstreamTarget target, String command, String sourceAddress,
            Duration timeout, int maxOutputBytes) {
    }

    /** How it went. */
    public sealed interface Outcome permits Refused, Ran {
        String sessionId();
    }

    /** The command policy stopped it; the target was not contacted. */
    public record Refused(String sessionId, String notice, CommandVerdict verdict) implements Outcome {
    }

    /**
     * It ran: the exit status or signal (both null when the target sent neither, e.g. on timeout), the captured output
     * and whether it was cut at the limit, and whether the timeout ended it.
     */
    public record Ran(String sessionId, Integer exitStatus, String exitSignal, String output, boolean outputTruncated, boolean timedOut,
            Recording recording) implements Outcome {
    }

    /**
     * Decides, connects and runs. Throws {@link CommandNotSentException} when the command did not reach the target (login
     * refused, host key not trusted, channel not opened): then nothing ran and it may be tried again.
     */
    public Outcome run(Request request) throws CommandNotSentException {
        CommandVerdict verdict = policies.policyFor(request.operator(), request.target()).decide(request.command());
        Instant started = Instant.now();
        SessionOpened opened = new SessionOpened(request.sessionId(), request.connectionId(), request.operator(), request.target(),
                ChannelKind.EXEC, Optional.of(request.command()), false, request.sourceAddress(), started);
        if (!verdict.runs()) {
            return new Refused(request.sessionId(), RefusedCommandRecord.store(sink, maxRecordingBytes, opened, request.command(), verdict),
                    verdict);
        }
        ClientSession upstream;
        try {
            upstream = connector.open(request.target(), credentials.credentialFor(request.target()));
        } catch (UpstreamRefusedException e) {
            throw new CommandNotSentException(e.getMessage(), e);
        }
        try {
            ChannelExec channel;
            try {
                channel = upstream.createExecChannel(request.command());
                channel.setUsePty(false);
                channel.open().verify(connectTimeout);
            } catch (IOException | RuntimeException e) {
                throw new CommandNotSentException("the target " + request.target().targetName() + " did not open an exec channel: "
                        + e.getMessage(), e);
            }
            return relay(request, verdict, opened, channel);
        } finally {
            upstream.close(true);
        }
    }

    private Ran relay(Request request, CommandVerdict verdict, SessionOpened opened, ChannelExec channel) {
        SessionRecorder recorder = new SessionRecorder(80, 24, opened.startedAt().getEpochSecond(), opened.operator().username() + " as "
                + request.target().account() + "@" + request.target().targetName(), Map.of("TERM", "dumb"), maxRecordingBytes, null);
        BoundedCapture capture = new BoundedCapture(request.maxOutputBytes());
        sink.opened(opened);
        sink.command(request.sessionId(), RecordedCommand.of(opened.startedAt(), 0, request.command(), verdict));
        try {
            channel.getInvertedIn().close();
        } catch (IOException ignored) {
            // the command gets no input either way
        }
        Thread out = Thread.ofVirtual().start(() -> pump(channel.getInvertedOut(), recorder, capture));
        Thread err = Thread.ofVirtual().start(() -> pump(channel.getInvertedErr(), recorder, capture));
        Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), request.timeout());
        boolean timedOut = !events.contains(ClientChannelEvent.CLOSED);
        if (timedOut) {
            channel.close(true);
        }
        try {
            out.join(Duration.ofSeconds(5));
            err.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Integer status = timedOut ? null : channel.getExitStatus();
        String signal = timedOut ? null : channel.getExitSignal();
        Recording recording = recorder.finish();
        sink.closed(request.sessionId(), new SessionClosed(Instant.now(), status, signal,
                timedOut ? "timeout after " + request.timeout().toSeconds() + "s" : null, recording));
        return new Ran(request.sessionId(), status, signal, capture.text(), capture.truncated(), timedOut, recording);
    }

    private static void pump(InputStream from, SessionRecorder recorder, BoundedCapture capture) {
        byte[] buffer = new byte[8192];
        try {
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                recorder.output(buffer, 0, n);
                capture.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            // the channel closed
        }
    }

    /** The first {@code limit} bytes of the output. */
    private static final class BoundedCapture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private boolean truncated;

        BoundedCapture(int limit) {
            this.limit = limit;
        }

        synchronized void write(byte[] buffer, int offset, int length) {
            int room = limit - bytes.size();
            if (length > room) {
                truncated = true;
            }
            bytes.write(buffer, offset, Math.max(0, Math.min(room, length)));
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized boolean truncated() {
            return truncated;
        }
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }

    /** The command did not reach the target; the message is fit to show (no secrets). */
    public static final class CommandNotSentException extends Exception {
        CommandNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
