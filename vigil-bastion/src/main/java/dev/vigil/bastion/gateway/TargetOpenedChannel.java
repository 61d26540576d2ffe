package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.ChannelOutputStream;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.AbstractServerChannel;
import org.apache.sshd.server.session.ServerSession;

/**
 * A channel a target opens on the gateway's upstream connection: {@code auth-agent@openssh.com} (a program on the target
 * uses the forwarded agent) or {@code forwarded-tcpip} (a connection to a remote forward's listener). It is relayed to
 * the operator's client only if the upstream connection carries a granted {@link AgentForwarding} or a
 * {@link RemoteForwards} bind for it, and only after the channel is authorised again on its own; each one is a session
 * of its own (bytes each way in its end record). Anything else the target opens is refused.
 */
final class TargetOpenedChannel extends AbstractServerChannel implements LiveSessions.Live {

    static final String AGENT = "auth-agent@openssh.com";
    static final String FORWARDED_TCPIP = "forwarded-tcpip";

    /** The upstream client's factories: these two channel types are all a target may open towards the gateway. */
    static final class Factory implements ChannelFactory {
        private final GatewayContext context;
        private final String type;

        Factory(GatewayContext context, String type) {
            this.context = context;
            this.type = type;
        }

        @Override
        public String getName() {
            return type;
        }

        @Override
        public Channel createChannel(Session session) {
            return new TargetOpenedChannel(context, type);
        }
    }

    /** Where the channel goes and how it is recorded. */
    private record Relay(ServerSession operatorSession, ChannelRequest request, ChannelKind kind, String described, Consumer<Buffer> openData) {
    }

    private final GatewayContext context;
    private final String type;
    private final ChannelSplice splice = new ChannelSplice(n -> getLocalWindow().release(n), () -> close(false));
    private volatile ChannelRequest authorised;
    private volatile UpstreamTarget target;
    private volatile OperatorChannel toOperator;
    private volatile String terminatedBy;

    private TargetOpenedChannel(GatewayContext context, String type) {
        super("", Collections.emptyList(), null);
        this.context = context;
        this.type = type;
    }

    @Override
    protected OpenFuture doInit(Buffer buffer) {
        Optional<Relay> relay = type.equals(AGENT) ? agent() : forwarded(buffer.getString(), buffer.getInt(), buffer.getString(), buffer.getInt());
        DefaultOpenFuture opened = new DefaultOpenFuture(this, this);
        Thread.ofVirtual().name("vigil-bastion-" + type).start(() -> relay.ifPresentOrElse(r -> open(opened, r),
                // the target opened a channel nobody asked for (no granted agent or listener on this connection)
                () -> fail(opened, SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, "not forwarded through this connection")));
        return opened;
    }

    private Optional<Relay> agent() {
        AgentForwarding agent = getSession().getAttribute(AgentForwarding.KEY);
        return Optional.ofNullable(agent).map(a -> new Relay(a.operatorSession(), a.request(), ChannelKind.AGENT_FORWARD,
                "agent, for session " + a.forSession(), buffer -> { }));
    }

    private Optional<Relay> forwarded(String address, int port, String originHost, int originPort) {
        RemoteForwards forwards = getSession().getAttribute(RemoteForwards.KEY);
        return Optional.ofNullable(forwards).flatMap(f -> f.bind(address, port)).map(bind -> new Relay(forwards.operatorSession(), bind.request(),
                ChannelKind.REMOTE_FORWARD, bind.label() + " from " + originHost + ":" + originPort, buffer -> {
                    buffer.putString(address);
                    buffer.putUInt(port);
                    buffer.putString(originHost);
                    buffer.putUInt(originPort);
                }));
    }

    private void open(DefaultOpenFuture opened, Relay relay) {
        ChannelRequest request = relay.request();
        switch (context.broker().authorize(request)) {
            case AccessDecision.Refused refused -> {
                context.sink().refused(request, refused.reason());
                fail(opened, SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, refused.reason());
            }
            case AccessDecision.Granted granted -> {
                target = granted.target();
                try {
                    toOperator = OperatorChannel.open(relay.operatorSession(), type, relay.openData(), context.settings().upstreamTimeout());
                } catch (IOException | RuntimeException e) {
                    context.sink().refused(request, "the operator's client did not accept the " + relay.kind().label() + " channel (" + relay.described() + ")");
                    fail(opened, SshConstants.SSH_OPEN_CONNECT_FAILED, "the operator's client did not accept it");
                    return;
                }
                authorised = request;
                // the operator's side ending ends the relay once its data is through; the target's side ending cuts it
                addCloseFutureListener(closed -> toOperator.close(false));
                signalChannelOpenSuccess();
                opened.setOpened();
                relay(relay);
            }
        }
    }

    private void relay(Relay relay) {
        String sessionId = UUID.randomUUID().toString();
        Instant started = Instant.now();
        ChannelRequest request = relay.request();
        context.sink().opened(new SessionOpened(sessionId, relay.operatorSession().getAttribute(BrokeredChannel.CONNECTION_ID), request.operator(),
                target, relay.kind(), Optional.of(relay.described()), false, request.sourceAddress(), started));
        context.live().add(sessionId, this);
        try {
            splice.run(new ChannelOutputStream(this, getRemoteWindow(), log, SshConstants.SSH_MSG_CHANNEL_DATA, true), toOperator.getInvertedIn(),
                    toOperator.getInvertedOut());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            context.live().remove(sessionId);
            context.sink().closed(sessionId, ForwardRecords.closed(context.settings(), started, request.operator().username() + " "
                    + relay.kind().label() + " via " + target.targetName(), relay.described(), terminatedBy, splice.bytesToAccepted(),
                    splice.bytesFromAccepted()));
            close(false);
        }
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) {
        splice.accept(data, off, len);
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) {
        throw new UnsupportedOperationException("a relayed " + type + " channel has no extended data");
    }

    @Override
    public void handleEof() throws IOException {
        super.handleEof();
        splice.acceptEof();
    }

    private void fail(DefaultOpenFuture opened, int code, String reason) {
        try {
            opened.setException(new SshChannelOpenException(getChannelId(), code, "vigil: " + reason));
        } finally {
            close(true);
        }
    }

    @Override
    public Operator operator() {
        ChannelRequest request = authorised;
        return request == null ? null : request.operator();
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
        return Optional.empty();
    }

    @Override
    public void terminate(String reason) {
        terminatedBy = reason;
        close(false);
    }
}
