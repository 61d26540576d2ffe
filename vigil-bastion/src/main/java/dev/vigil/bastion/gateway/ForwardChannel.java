package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;

import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.ChannelOutputStream;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.channel.AbstractServerChannel;
import org.apache.sshd.server.session.ServerSession;

/**
 * A local port forward ({@code ssh -L}, {@code -W}, {@code -D}: a {@code direct-tcpip} channel) through the gateway.
 * The destination is authorised as channel {@code forward} for the target named in the user name; the connection is
 * then opened <em>from the target</em> (a {@code direct-tcpip} channel on the gateway's own upstream connection with the
 * vaulted credential), never from the gateway's network. Bytes each way are counted into the session's end record.
 */
final class ForwardChannel extends AbstractServerChannel implements LiveSessions.Live {

    /** The factory that replaces MINA's own {@code direct-tcpip} (which would connect from the gateway itself). */
    static final class Factory implements ChannelFactory {
        private final GatewayContext context;

        Factory(GatewayContext context) {
            this.context = context;
        }

        @Override
        public String getName() {
            return "direct-tcpip";
        }

        @Override
        public Channel createChannel(Session session) {
            return new ForwardChannel(context);
        }
    }

    private final GatewayContext context;
    private final ChannelSplice splice = new ChannelSplice(n -> getLocalWindow().release(n), () -> close(false));
    private volatile ChannelRequest authorised;
    private volatile UpstreamTarget target;
    private volatile ClientSession upstream;
    private volatile String terminatedBy;

    private ForwardChannel(GatewayContext context) {
        super("", Collections.emptyList(), null);
        this.context = context;
    }

    @Override
    protected OpenFuture doInit(Buffer buffer) {
        String host = buffer.getString();
        int port = buffer.getInt();
        DefaultOpenFuture opened = new DefaultOpenFuture(this, this);
        Thread.ofVirtual().name("vigil-bastion-forward").start(() -> open(opened, host, port));
        return opened;
    }

    private void open(DefaultOpenFuture opened, String host, int port) {
        ServerSession session = (ServerSession) getSession();
        Operator operator = session.getAttribute(BrokeredChannel.OPERATOR);
        TargetAddress address = session.getAttribute(BrokeredChannel.ADDRESS);
        String destination = host + ":" + port;
        ChannelRequest request = new ChannelRequest(operator, address, ChannelKind.PORT_FORWARD, Optional.of(destination),
                BrokeredChannel.source(session.getClientAddress()));
        try {
            if (address.target().isEmpty()) {
                refuse(opened, request, "name the target in the user name to forward through it: " + operator.username() + "%account%target");
                return;
            }
            switch (context.broker().authorize(request)) {
                case AccessDecision.Refused refused -> refuse(opened, request, refused.reason());
                case AccessDecision.Granted granted -> {
                    target = granted.target();
                    upstream = context.upstream().open(target, context.credentials().credentialFor(target));
                    addCloseFutureListener(closed -> upstream.close(true));
                    ChannelDirectTcpip up = upstream.createDirectTcpipChannel(new SshdSocketAddress("127.0.0.1", 0),
                            new SshdSocketAddress(host, port));
                    try {
                        up.open().verify(context.settings().upstreamTimeout());
                    } catch (IOException | RuntimeException e) {
                        fail(opened, request, SshConstants.SSH_OPEN_CONNECT_FAILED, "the target could not connect to " + destination);
                        return;
                    }
                    authorised = request;
                    signalChannelOpenSuccess();
                    opened.setOpened();
                    relay(request, up);
                }
            }
        } catch (UpstreamRefusedException e) {
            refuse(opened, request, e.getMessage());
        } catch (IOException | RuntimeException e) {
            fail(opened, request, SshConstants.SSH_OPEN_CONNECT_FAILED, "the gateway could not open the forward (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void relay(ChannelRequest request, ChannelDirectTcpip up) {
        String sessionId = UUID.randomUUID().toString();
        Instant started = Instant.now();
        context.sink().opened(new SessionOpened(sessionId, getSession().getAttribute(BrokeredChannel.CONNECTION_ID), request.operator(), target,
                ChannelKind.PORT_FORWARD, request.command(), false, request.sourceAddress(), started));
        context.live().add(sessionId, this);
        try {
            splice.run(new ChannelOutputStream(this, getRemoteWindow(), log, SshConstants.SSH_MSG_CHANNEL_DATA, true), up.getInvertedIn(),
                    up.getInvertedOut());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            context.live().remove(sessionId);
            context.sink().closed(sessionId, ForwardRecords.closed(context.settings(), started, request.operator().username() + " forward "
                    + request.command().orElse("") + " via " + target.targetName(), "forward to " + request.command().orElse(""), terminatedBy,
                    splice.bytesFromAccepted(), splice.bytesToAccepted()));
            close(false);
        }
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) {
        splice.accept(data, off, len);
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) {
        throw new UnsupportedOperationException("a forwarded connection has no extended data");
    }

    @Override
    public void handleEof() throws IOException {
        super.handleEof();
        splice.acceptEof();
    }

    private void refuse(DefaultOpenFuture opened, ChannelRequest request, String reason) {
        fail(opened, request, SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, reason);
    }

    private void fail(DefaultOpenFuture opened, ChannelRequest request, int code, String reason) {
        context.sink().refused(request, reason);
        ClientSession session = upstream;
        if (session != null) {
            session.close(true);
        }
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
    public java.util.Optional<dev.vigil.bastion.recording.LiveTail> tail() {
        return java.util.Optional.empty();
    }

    @Override
    public void terminate(String reason) {
        terminatedBy = reason;
        ClientSession session = upstream;
        if (session != null) {
            session.close(true);
        }
        close(false);
    }
}
