package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

import dev.vigil.bastion.policy.CommandAction;
import dev.vigil.bastion.policy.CommandVerdict;
import dev.vigil.bastion.recording.Recording;
import dev.vigil.bastion.recording.SessionRecorder;
import dev.vigil.bastion.transfer.ExecTransfer;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.channel.PtyCapableChannelSession;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One shell or exec channel through the gateway: authorised on its own, then relayed to a fresh upstream connection
 * with the vaulted credential (protocol break), recorded, and ended with the target's exit status or signal.
 */
final class BrokeredChannel implements Command, LiveSessions.Live {

    static final AttributeRepository.AttributeKey<Operator> OPERATOR = new AttributeRepository.AttributeKey<>();
    static final AttributeRepository.AttributeKey<TargetAddress> ADDRESS = new AttributeRepository.AttributeKey<>();
    static final AttributeRepository.AttributeKey<String> CONNECTION_ID = new AttributeRepository.AttributeKey<>();
    /** Exit status when the gateway refuses a channel (as a shell does for a command it may not run). */
    static final int REFUSED = RefusedCommandRecord.STATUS;
    private static final System.Logger LOG = System.getLogger(BrokeredChannel.class.getName());

    private final GatewayContext context;
    private final ChannelKind kind;
    private final String execCommand;
    private final ExecTransfer transfer;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private GatewayChannelSession channel;
    private volatile Operator operator;
    private volatile UpstreamTarget target;
    private volatile ClientSession upstream;
    private volatile String terminatedBy;
    private volatile ChannelRequest authorised;
    private volatile SessionRecorder recorder;
    private volatile Thread worker;
    private volatile boolean holding;

    BrokeredChannel(GatewayContext context, ChannelKind kind, String execCommand) {
        this(context, kind, execCommand, kind == ChannelKind.SFTP ? new ExecTransfer.SftpServer() : new ExecTransfer.Plain());
    }

    private BrokeredChannel(GatewayContext context, ChannelKind kind, String execCommand, ExecTransfer transfer) {
        this.context = context;
        this.kind = kind;
        this.execCommand = execCommand;
        this.transfer = transfer;
    }

    /**
     * An exec channel: legacy SCP ({@code scp -t/-f}) is authorised as channel {@code scp}, an SFTP server started by
     * path as {@code sftp} (served by the target's SFTP subsystem); anything else is a command.
     */
    static BrokeredChannel exec(GatewayContext context, String command) {
        ExecTransfer transfer = ExecTransfer.classify(command);
        ChannelKind kind = switch (transfer) {
            case ExecTransfer.Scp scp -> ChannelKind.SCP;
            case ExecTransfer.SftpServer server -> ChannelKind.SFTP;
            case ExecTransfer.Plain plain -> ChannelKind.EXEC;
            case ExecTransfer.Refused refused -> ChannelKind.SCP;
        };
        return new BrokeredChannel(context, kind, command, transfer);
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession session, Environment env) {
        channel = (GatewayChannelSession) session;
        worker = Thread.ofVirtual().name("vigil-bastion-" + kind.label()).start(this::run);
    }

    @Override
    public void destroy(ChannelSession session) {
        Thread running = worker;
        if (holding && running != null) {
            // the operator left while an exec command was held: stop waiting for its approval
            running.interrupt();
        }
        closeUpstream();
    }

    @Override
    public Operator operator() {
        return operator;
    }

    @Override
    public UpstreamTarget target() {
        return target;
    }

    @Override
    public ChannelRequest request() {
        return authorised;
    }

    @Override
    public Optional<dev.vigil.bastion.recording.LiveTail> tail() {
        SessionRecorder current = recorder;
        return current == null ? Optional.empty() : Optional.of(current.tail());
    }

    @Override
    public void terminate(String reason) {
        terminatedBy = reason;
        try {
            err.write(("\r\nvigil: session terminated: " + reason + "\r\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException | RuntimeException alreadyGone) {
            // the operator's side is closing anyway
        }
        closeUpstream();
    }

    private void run() {
        operator = channel.getServerSession().getAttribute(OPERATOR);
        TargetAddress address = channel.getServerSession().getAttribute(ADDRESS);
        String source = source(channel.getServerSession().getClientAddress());
        ChannelRequest request = new ChannelRequest(operator, address, kind, Optional.ofNullable(execCommand), source);
        try {
            if (!context.broker().stillActive(operator)) {
                refuse(request, "the Vigil account " + operator.username() + " is disabled");
                return;
            }
            if (transfer instanceof ExecTransfer.Refused refused) {
                refuse(request, refused.reason());
                return;
            }
            if (address.target().isEmpty()) {
                if (kind != ChannelKind.SHELL) {
                    refuse(request, "name the target in the user name: " + operator.username() + "%account%target");
                    return;
                }
                Optional<TargetChoice> choice = new TargetMenu(in, out).choose(operator, context.broker().choices(operator));
                if (choice.isEmpty()) {
                    exit.onExit(0);
                    return;
                }
                request = new ChannelRequest(operator, address.withTarget(choice.get().account(), choice.get().target()), kind,
                        request.command(), source);
            }
            switch (context.broker().authorize(request)) {
                case AccessDecision.Refused refused -> refuse(request, refused.reason());
                case AccessDecision.Granted granted -> {
                    target = granted.target();
                    authorised = request;
                    String sessionId = UUID.randomUUID().toString();
                    CommandVerdict verdict = kind == ChannelKind.EXEC ? context.policies().policyFor(operator, target).decide(execCommand) : null;
                    CommandReview review = verdict != null && verdict.action() == CommandAction.REVIEW ? holdExec(sessionId, verdict) : null;
                    if (verdict != null && (review == null ? !verdict.runs() : !review.allowed())) {
                        refuseCommand(sessionId, request, verdict, review);
                        return;
                    }
                    if (review != null && context.broker().authorize(request) instanceof AccessDecision.Refused ended) {
                        // the grant ended or the operator was disabled while the command was held
                        refuse(request, "access ended while the command was held: " + ended.reason());
                        return;
                    }
                    upstream = context.upstream().open(target, context.credentials().credentialFor(target));
                    if (kind == ChannelKind.SFTP || kind == ChannelKind.SCP) {
                        relayTransfer(request);
                    } else {
                        relay(sessionId, request, verdict, review);
                    }
                }
            }
        } catch (UpstreamRefusedException e) {
            refuse(request, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit.onExit(REFUSED, "the channel closed while its command was held");
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "bastion channel of " + operator.username() + " failed", e);
            refuse(request, "the gateway could not relay this channel (" + e.getClass().getSimpleName() + ")");
        } finally {
            closeUpstream();
        }
    }

    /** An exec command the policy sends to review: nothing is opened upstream until an approver allows it. */
    private CommandReview holdExec(String sessionId, CommandVerdict verdict) throws IOException, InterruptedException {
        holding = true;
        try {
            CommandReview review = new CommandHold(context.approvals()).await(new HeldCommand(sessionId, operator, target, kind, execCommand,
                    verdict.ruleId(), verdict.reasons(), context.settings().reviewWait()), this::tellError, marker -> { });
            if (review.allowed()) {
                tellError(CommandNotice.review(review));
            }
            return review;
        } finally {
            holding = false;
        }
    }

    private void tellError(String notice) throws IOException {
        err.write((notice + "\r\n").getBytes(StandardCharsets.UTF_8));
        err.flush();
    }

    private void relay(String sessionId, ChannelRequest request, CommandVerdict execVerdict, CommandReview execReview) throws IOException {
        TerminalRequest terminal = channel.terminal();
        PtyCapableChannelSession up = kind == ChannelKind.SHELL ? upstream.createShellChannel() : upstream.createExecChannel(execCommand);
        up.setUsePty(terminal != null);
        if (terminal != null) {
            up.setPtyType(terminal.term());
            up.setPtyColumns(terminal.columns());
            up.setPtyLines(terminal.rows());
            up.setPtyModes(terminal.modes());
        }
        channel.acceptedEnv().forEach(up::setEnv);
        up.setAgentForwarding(channel.agentRequested() && agentGranted(sessionId, request));
        up.open().verify(context.settings().upstreamTimeout());

        Instant started = Instant.now();
        boolean interactive = terminal != null && kind == ChannelKind.SHELL;
        boolean gated = interactive && context.policies().policyFor(operator, target).active();
        BiConsumer<String, Double> onCommand = !interactive ? null : gated ? (text, offset) -> { }
                : (text, offset) -> context.sink().command(sessionId, new RecordedCommand(Instant.now(), offset, text, CommandAction.ALLOW,
                        Optional.empty(), List.of()));
        SessionRecorder recorder = new SessionRecorder(terminal == null ? 80 : terminal.columns(), terminal == null ? 24 : terminal.rows(),
                started.getEpochSecond(), operator.username() + " as " + target.account() + "@" + target.targetName(),
                Map.of("TERM", terminal == null ? "dumb" : terminal.term()), context.settings().maxRecordingBytes(), onCommand);
        this.recorder = recorder;
        context.sink().opened(new SessionOpened(sessionId, channel.getServerSession().getAttribute(CONNECTION_ID), operator, target,
                kind, request.command(), terminal != null, request.sourceAddress(), started));
        if (kind == ChannelKind.EXEC) {
            context.sink().command(sessionId, execReview == null ? RecordedCommand.of(started, 0, execCommand, execVerdict)
                    : RecordedCommand.reviewed(started, 0, execCommand, execVerdict, execReview));
        }
        context.live().add(sessionId, this);
        try {
            channel.onWindowChange((columns, rows) -> {
                recorder.resize(columns, rows);
                try {
                    up.sendWindowChange(columns, rows);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "window change not sent upstream", e);
                }
            });
            Thread input = gated
                    ? Thread.ofVirtual().start(new ShellLineGate(in, up.getInvertedIn(), out, recorder, () -> context.policies().policyFor(operator, target),
                            command -> context.sink().command(sessionId, command), lineHold(sessionId, recorder))::run)
                    : Thread.ofVirtual().start(() -> pumpInput(up, recorder));
            Thread output = Thread.ofVirtual().start(() -> OutputPump.run(up.getInvertedOut(), out, recorder::output));
            Thread errors = Thread.ofVirtual().start(() -> OutputPump.run(up.getInvertedErr(), err, recorder::output));
            output.join();
            errors.join();
            up.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(10));
            input.interrupt();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            context.live().remove(sessionId);
        }
        Integer status = up.getExitStatus();
        String signal = up.getExitSignal();
        Recording recording = recorder.finish();
        context.sink().closed(sessionId, new SessionClosed(Instant.now(), status, signal, terminatedBy, recording));
        finish(status, signal);
    }

    /**
     * The operator asked for agent forwarding: allowed only by the grant's {@code agent-forward} channel; then the
     * target's agent channels on this upstream connection are relayed to the operator's client. A refusal is recorded
     * and told, and the channel goes on without an agent (as OpenSSH does).
     */
    private boolean agentGranted(String sessionId, ChannelRequest request) throws IOException {
        ChannelRequest agent = new ChannelRequest(operator, request.address(), ChannelKind.AGENT_FORWARD, Optional.empty(), request.sourceAddress());
        if (context.broker().authorize(agent) instanceof AccessDecision.Refused refused) {
            context.sink().refused(agent, refused.reason());
            tellError("vigil: agent forwarding refused: " + refused.reason());
            return false;
        }
        upstream.setAttribute(AgentForwarding.KEY, new AgentForwarding(channel.getServerSession(), agent, sessionId));
        return true;
    }

    /**
     * An SFTP or legacy SCP channel: every file operation is reported to the sink (and marked in the recording, which
     * has no terminal output); the exit status is the target's.
     */
    private void relayTransfer(ChannelRequest request) throws IOException {
        ClientChannel up = kind == ChannelKind.SFTP ? upstream.createSubsystemChannel("sftp") : upstream.createExecChannel(execCommand);
        up.open().verify(context.settings().upstreamTimeout());
        String sessionId = UUID.randomUUID().toString();
        Instant started = Instant.now();
        recorder = new SessionRecorder(80, 24, started.getEpochSecond(), operator.username() + " as " + target.account() + "@"
                + target.targetName() + " (" + kind.label() + ")", Map.of("TERM", "dumb"), context.settings().maxRecordingBytes(), null);
        context.sink().opened(new SessionOpened(sessionId, channel.getServerSession().getAttribute(CONNECTION_ID), operator, target,
                kind, request.command(), false, request.sourceAddress(), started));
        if (kind == ChannelKind.SCP) {
            context.sink().command(sessionId, new RecordedCommand(started, 0, execCommand, CommandAction.ALLOW, Optional.empty(),
                    List.of("legacy scp, allowed by the grant's scp channel")));
        }
        context.live().add(sessionId, this);
        String fault = null;
        try {
            fault = FileTransferRelay.run(transfer, up, in, out, err, done -> {
                recorder.marker(done.summary());
                context.sink().transfer(sessionId, done);
            });
            up.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            context.live().remove(sessionId);
        }
        if (fault != null && terminatedBy == null) {
            terminatedBy = "the gateway could not follow the transfer: " + fault;
            err.write(("vigil: " + terminatedBy + "\r\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
        }
        Integer status = up.getExitStatus();
        String signal = up.getExitSignal();
        context.sink().closed(sessionId, new SessionClosed(Instant.now(), status, signal, terminatedBy, recorder.finish()));
        finish(status == null && signal == null && terminatedBy == null && kind == ChannelKind.SFTP ? Integer.valueOf(0) : status, signal);
    }

    /** Shell lines the policy sends to review, held with the operator told on their terminal and a marker in the recording. */
    private ShellLineGate.LineHold lineHold(String sessionId, SessionRecorder recorder) {
        CommandHold hold = new CommandHold(context.approvals());
        return (text, verdict) -> hold.await(new HeldCommand(sessionId, operator, target, kind, text, verdict.ruleId(), verdict.reasons(),
                context.settings().reviewWait()), notice -> {
                    out.write(("\r\n" + notice + "\r\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }, recorder::marker);
    }

    private void finish(Integer status, String signal) throws IOException {
        if (terminatedBy == null && status == null && signal != null) {
            sendExitSignal(signal);
            channel.close(false);
        } else {
            exit.onExit(terminatedBy != null || status == null ? 255 : status);
        }
    }

    /** MINA's server side only sends exit-status; OpenSSH clients report a signal as themselves (rc 255, "killed by signal"). */
    private void sendExitSignal(String signal) throws IOException {
        Buffer buffer = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 64);
        buffer.putUInt(channel.getRecipient());
        buffer.putString("exit-signal");
        buffer.putBoolean(false);
        buffer.putString(signal);
        buffer.putBoolean(false);
        buffer.putString("");
        buffer.putString("");
        channel.writePacket(buffer);
    }

    private void pumpInput(PtyCapableChannelSession up, SessionRecorder recorder) {
        RelayBuffer buffer = new RelayBuffer();
        OutputStream target = up.getInvertedIn();
        try {
            for (int n = buffer.read(in); n >= 0; n = buffer.read(in)) {
                recorder.input(buffer.bytes(), 0, n);
                target.write(buffer.bytes(), 0, n);
                target.flush();
            }
            target.close();
        } catch (IOException | RuntimeException e) {
            // either side closed; the output pumps end the channel
        }
    }

    /**
     * An exec command the policy stops: the target is never contacted; the session is stored with the command and its
     * decision (so it shows among sessions and in the audit trail) and ends with status 126, as a shell's refusal does.
     */
    private void refuseCommand(String sessionId, ChannelRequest request, CommandVerdict verdict, CommandReview review) {
        String notice = RefusedCommandRecord.store(context.sink(), context.settings().maxRecordingBytes(), new SessionOpened(sessionId,
                channel.getServerSession().getAttribute(CONNECTION_ID), operator, target, kind, request.command(),
                channel.terminal() != null, request.sourceAddress(), Instant.now()), execCommand, verdict, review);
        try {
            err.write((notice + "\r\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException alreadyGone) {
            // nothing to tell
        }
        exit.onExit(REFUSED, notice);
    }

    private void refuse(ChannelRequest request, String reason) {
        context.sink().refused(request, reason);
        try {
            err.write(("vigil: " + reason + "\r\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException alreadyGone) {
            // nothing to tell
        }
        exit.onExit(REFUSED, reason);
    }

    private void closeUpstream() {
        ClientSession session = upstream;
        if (session != null) {
            session.close(true);
        }
    }

    static String source(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
