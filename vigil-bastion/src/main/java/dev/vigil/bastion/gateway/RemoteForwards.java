package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.ServerSession;

/**
 * Remote port forwarding ({@code ssh -R}) of one operator connection. Each {@code tcpip-forward} the operator's client
 * asks for is authorised as channel {@code remote-forward} with its bind ({@code address:port}); a granted bind is asked
 * of the target on an upstream connection of this operator connection (opened with the vaulted credential on the first
 * granted bind), and the target's {@code forwarded-tcpip} channels for it come back through {@link TargetOpenedChannel}.
 * Each listener is a session of its own (kind {@code remote-forward}, command {@code listen address:port}) that the
 * revocation check and a kill end; cancelling it, closing the operator's connection or disabling the operator removes
 * the listener on the target.
 */
final class RemoteForwards {

    static final AttributeRepository.AttributeKey<RemoteForwards> KEY = new AttributeRepository.AttributeKey<>();
    private static final System.Logger LOG = System.getLogger(RemoteForwards.class.getName());

    /** One listener on the target: the address as the operator's client sent it, the port as the target bound it. */
    final class Bind implements LiveSessions.Live {
        private final String sessionId = UUID.randomUUID().toString();
        private final String address;
        private final int port;
        private final ChannelRequest request;
        private final UpstreamTarget target;
        private final Instant started = Instant.now();

        private Bind(String address, int port, ChannelRequest request, UpstreamTarget target) {
            this.address = address;
            this.port = port;
            this.request = request;
            this.target = target;
        }

        String label() {
            return label(address, port);
        }

        static String label(String address, int port) {
            // OpenSSH sends "" for all addresses ("-R *:port" or "-R :port")
            return (address.isEmpty() ? "*" : address) + ":" + port;
        }

        @Override
        public Operator operator() {
            return request.operator();
        }

        @Override
        public UpstreamTarget target() {
            return target;
        }

        @Override
        public ChannelRequest request() {
            return request;
        }

        @Override
        public Optional<dev.vigil.bastion.recording.LiveTail> tail() {
            return Optional.empty();
        }

        @Override
        public void terminate(String reason) {
            ordered.execute(() -> end(this, reason, true));
        }
    }

    private final GatewayContext context;
    private final ServerSession operatorSession;
    // global requests are answered in the order they came, as the protocol requires
    private final ExecutorService ordered = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("vigil-bastion-remote-forward").factory());
    private final Map<String, Bind> binds = new ConcurrentHashMap<>();
    private volatile ClientSession upstream;

    private RemoteForwards(GatewayContext context, ServerSession operatorSession) {
        this.context = context;
        this.operatorSession = operatorSession;
    }

    /** The remote forwards of an operator connection, created on its first request and ended with the connection. */
    static RemoteForwards of(ServerSession operatorSession, GatewayContext context) {
        synchronized (operatorSession) {
            RemoteForwards forwards = operatorSession.getAttribute(KEY);
            if (forwards == null) {
                forwards = new RemoteForwards(context, operatorSession);
                operatorSession.setAttribute(KEY, forwards);
                RemoteForwards created = forwards;
                operatorSession.addCloseFutureListener(closed -> created.close());
            }
            return forwards;
        }
    }

    ServerSession operatorSession() {
        return operatorSession;
    }

    /** The listener a {@code forwarded-tcpip} channel of the target names (the address as requested, the bound port). */
    Optional<Bind> bind(String address, int port) {
        return Optional.ofNullable(binds.get(Bind.label(address, port)));
    }

    void listen(String address, int port, boolean wantReply) {
        ordered.execute(() -> reply(wantReply, listen(address, port), port == 0));
    }

    void cancel(String address, int port, boolean wantReply) {
        ordered.execute(() -> {
            Bind bind = binds.get(Bind.label(address, port));
            if (bind != null) {
                end(bind, null, true);
            }
            reply(wantReply, bind == null ? -1 : 0, false);
        });
    }

    /** Returns the port bound on the target (the requested one, or the target's choice for 0), or -1 when refused. */
    private int listen(String address, int port) {
        Operator operator = operatorSession.getAttribute(BrokeredChannel.OPERATOR);
        TargetAddress named = operatorSession.getAttribute(BrokeredChannel.ADDRESS);
        ChannelRequest request = new ChannelRequest(operator, named, ChannelKind.REMOTE_FORWARD, Optional.of(Bind.label(address, port)),
                BrokeredChannel.source(operatorSession.getClientAddress()));
        if (named.target().isEmpty()) {
            context.sink().refused(request, "name the target in the user name to forward through it: " + operator.username() + "%account%target");
            return -1;
        }
        AccessDecision decision = context.broker().authorize(request);
        if (decision instanceof AccessDecision.Refused refused) {
            context.sink().refused(request, refused.reason());
            return -1;
        }
        UpstreamTarget target = ((AccessDecision.Granted) decision).target();
        try {
            ClientSession session = upstream;
            if (session == null || !session.isOpen()) {
                session = context.upstream().open(target, context.credentials().credentialFor(target));
                session.setAttribute(KEY, this);
                upstream = session;
            }
            Buffer asked = session.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST, 64);
            asked.putString("tcpip-forward");
            asked.putBoolean(true);
            asked.putString(address);
            asked.putUInt(port);
            Buffer answer = session.request("tcpip-forward", asked, context.settings().upstreamTimeout());
            if (answer == null) {
                context.sink().refused(request, "the target refused to listen on " + Bind.label(address, port));
                return -1;
            }
            int bound = port == 0 ? answer.getInt() : port;
            Bind bind = new Bind(address, bound, request, target);
            binds.put(bind.label(), bind);
            context.sink().opened(new SessionOpened(bind.sessionId, operatorSession.getAttribute(BrokeredChannel.CONNECTION_ID), operator,
                    target, ChannelKind.REMOTE_FORWARD, Optional.of("listen " + bind.label()), false, request.sourceAddress(), bind.started));
            context.live().add(bind.sessionId, bind);
            return bound;
        } catch (UpstreamRefusedException e) {
            context.sink().refused(request, e.getMessage());
            return -1;
        } catch (IOException | RuntimeException e) {
            context.sink().refused(request, "the gateway could not ask the target to listen (" + e.getClass().getSimpleName() + ")");
            return -1;
        }
    }

    /** Removes a listener: on the target too when the connection to it stays ({@code cancelUpstream}). */
    private void end(Bind bind, String terminatedBy, boolean cancelUpstream) {
        if (binds.remove(bind.label()) == null) {
            return;
        }
        context.live().remove(bind.sessionId);
        ClientSession session = upstream;
        if (cancelUpstream && session != null && session.isOpen()) {
            try {
                Buffer cancel = session.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST, 64);
                cancel.putString("cancel-tcpip-forward");
                cancel.putBoolean(true);
                cancel.putString(bind.address);
                cancel.putUInt(bind.port);
                session.request("cancel-tcpip-forward", cancel, context.settings().upstreamTimeout());
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cancelling " + bind.label() + " on " + bind.target.targetName() + " failed; closing the connection", e);
                session.close(true);
            }
        }
        context.sink().closed(bind.sessionId, ForwardRecords.closed(context.settings(), bind.started, bind.request.operator().username()
                + " remote-forward via " + bind.target.targetName(), "listen " + bind.label(), terminatedBy, 0, 0));
    }

    /** Answers a global request; a listener on port 0 is told the port the target chose. */
    private void reply(boolean wantReply, int bound, boolean tellPort) {
        if (!wantReply) {
            return;
        }
        try {
            Buffer reply = operatorSession.createBuffer(bound < 0 ? SshConstants.SSH_MSG_REQUEST_FAILURE : SshConstants.SSH_MSG_REQUEST_SUCCESS, 8);
            if (bound >= 0 && tellPort) {
                reply.putUInt(bound);
            }
            operatorSession.writePacket(reply);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "the operator's connection closed before the forward was answered", e);
        }
    }

    /** The operator's connection ended: every listener goes, with the upstream connection that held them. */
    private void close() {
        ordered.execute(() -> {
            binds.values().forEach(bind -> end(bind, null, false));
            ClientSession session = upstream;
            if (session != null) {
                session.close(true);
            }
        });
        ordered.shutdown();
    }
}
