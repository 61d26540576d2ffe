package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.vigil.bastion.kex.UpstreamKexKeys;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.global.CancelTcpipForwardHandler;
import org.apache.sshd.server.global.TcpipForwardHandler;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * The bastion's SSH gateway: operators connect with a standard OpenSSH client and authenticate as Vigil users; every
 * shell, exec, SFTP and SCP channel is authorised by the {@link AccessBroker}, relayed to the target over the gateway's
 * own connection with a vaulted credential, and recorded (file transfers per file with size and SHA-256); a granted
 * local port forward is opened from the target; a granted remote forward listens on the target and a granted agent
 * forwarding relays the target's agent channels back to the operator's client. Subsystems other than SFTP and X11
 * forwarding are refused.
 */
public final class BastionGateway implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BastionGateway.class.getName());

    private final GatewaySettings settings;
    private final OperatorAuthenticator operators;
    private final GatewayContext context;
    private final SshServer server;
    private final ScheduledExecutorService revocation;

    public BastionGateway(GatewaySettings settings, OperatorAuthenticator operators, AccessBroker broker, CredentialSource credentials,
            HostKeyTrust hostKeys, SessionSink sink) {
        this(settings, operators, broker, credentials, hostKeys, sink, CommandPolicySource.NONE);
    }

    /** With a command policy: exec commands are checked before the upstream opens, shell lines when Enter is pressed. */
    public BastionGateway(GatewaySettings settings, OperatorAuthenticator operators, AccessBroker broker, CredentialSource credentials,
            HostKeyTrust hostKeys, SessionSink sink, CommandPolicySource policies) {
        this(settings, operators, broker, credentials, hostKeys, sink, policies, CommandApprovals.NONE);
    }

    /**
     * With a command policy and an approval flow: a command the policy sends to review is held until an approver
     * decides or {@link GatewaySettings#reviewWait()} ends.
     */
    public BastionGateway(GatewaySettings settings, OperatorAuthenticator operators, AccessBroker broker, CredentialSource credentials,
            HostKeyTrust hostKeys, SessionSink sink, CommandPolicySource policies, CommandApprovals approvals) {
        this.settings = settings;
        this.operators = operators;
        this.context = new GatewayContext(settings, broker, credentials, sink,
                new UpstreamConnector(hostKeys, sink, settings.upstreamTimeout(), settings.upstreamKexKeys()), new LiveSessions(), policies, approvals);
        this.server = SshServer.setUpDefaultServer();
        this.revocation = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vigil-bastion-revocation").daemon().factory());
        configure();
    }

    private void configure() {
        server.setHost(settings.bindAddress());
        server.setPort(settings.port());
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(settings.hostKeyFile());
        hostKey.setAlgorithm("EC");
        hostKey.setKeySize(256);
        server.setKeyPairProvider(hostKey);
        TransportCiphers.front(server);
        List<UserAuthFactory> methods = new ArrayList<>(List.of(UserAuthPublicKeyFactory.INSTANCE));
        if (operators.offersPasswordAndCode()) {
            methods.add(UserAuthKeyboardInteractiveFactory.INSTANCE);
        }
        server.setUserAuthFactories(methods);
        server.setPublickeyAuthenticator((username, key, session) -> authenticated(session, username,
                address -> operators.byPublicKey(address.operator(), key)));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(new PasswordAndCode());
        server.setHostBasedAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        // remote forwards listen on the target, never on the gateway
        List<RequestHandler<ConnectionService>> global = new ArrayList<>(server.getGlobalRequestHandlers());
        global.removeIf(handler -> handler instanceof TcpipForwardHandler || handler instanceof CancelTcpipForwardHandler);
        global.add(new RemoteForwardRequests(context));
        server.setGlobalRequestHandlers(global);
        context.upstream().acceptFromTargets(List.of(new TargetOpenedChannel.Factory(context, TargetOpenedChannel.AGENT),
                new TargetOpenedChannel.Factory(context, TargetOpenedChannel.FORWARDED_TCPIP)));
        List<ChannelFactory> channels = new ArrayList<>(server.getChannelFactories());
        // session and direct-tcpip are ours: a granted forward is opened from the target, never from the gateway's network
        channels.removeIf(factory -> factory.getName().equals("session") || factory.getName().equals("direct-tcpip"));
        channels.add(new SessionChannelFactory());
        channels.add(new ForwardChannel.Factory(context));
        server.setChannelFactories(channels);
        server.setShellFactory(channel -> new BrokeredChannel(context, ChannelKind.SHELL, null));
        server.setCommandFactory((channel, command) -> BrokeredChannel.exec(context, command));
        // only "sftp"; any other subsystem name has no factory and is refused
        server.setSubsystemFactories(List.of(new SftpSubsystem()));
        CoreModuleProperties.AUTH_TIMEOUT.set(server, Duration.ofSeconds(60));
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(server, 10);
        CoreModuleProperties.IDLE_TIMEOUT.set(server, Duration.ofHours(8));
        CoreModuleProperties.SERVER_IDENTIFICATION.set(server, "VigilBastion");
    }

    public void start() throws IOException {
        server.start();
        long every = settings.revocationCheck().toMillis();
        revocation.scheduleWithFixedDelay(this::cutOffRevoked, every, every, TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "bastion gateway listening on " + settings.bindAddress() + ":" + port());
    }

    /** The port actually bound (useful when the settings asked for 0). */
    public int port() {
        return server.getPort();
    }

    /** Ids of the channels open now. */
    public List<String> liveSessionIds() {
        return context.live().ids();
    }

    /** The key pairs of the upstream key exchange made ahead of time (tests: how the logins to targets were served). */
    UpstreamKexKeys upstreamKexKeys() {
        return context.upstream().kexKeys();
    }

    /** What a live channel's terminal shows from now on (after the header and the latest output); empty if it is not open. */
    public Optional<dev.vigil.bastion.recording.LiveTail.Viewer> watch(String sessionId) {
        return context.live().get(sessionId).flatMap(live -> live.tail()).map(tail -> tail.watch());
    }

    /** Ends a live channel at once; false if it is not open (any more). */
    public boolean terminate(String sessionId, String reason) {
        return context.live().terminate(sessionId, reason);
    }

    /** Ends every live channel and connection of the operator at once (a disabled user, a revoked grant). */
    public int terminateOperator(String operatorId, String reason) {
        int ended = 0;
        for (var entry : context.live().snapshot().entrySet()) {
            if (entry.getValue().operator().id().equals(operatorId)) {
                entry.getValue().terminate(reason);
                ended++;
            }
        }
        for (var session : server.getActiveSessions()) {
            Operator operator = session.getAttribute(BrokeredChannel.OPERATOR);
            if (operator != null && operator.id().equals(operatorId)) {
                session.close(false);
            }
        }
        return ended;
    }

    /**
     * Checks every connected operator against the broker and cuts off those no longer active, then authorises every
     * live channel again and ends those whose grant was revoked or has expired.
     */
    public void cutOffRevoked() {
        try {
            List<String> revoked = new ArrayList<>();
            for (var session : server.getActiveSessions()) {
                Operator operator = session.getAttribute(BrokeredChannel.OPERATOR);
                if (operator != null && !revoked.contains(operator.id()) && !context.broker().stillActive(operator)) {
                    revoked.add(operator.id());
                }
            }
            revoked.forEach(id -> terminateOperator(id, "the operator's Vigil account was disabled"));
            java.util.Map<String, AccessDecision> decided = new java.util.HashMap<>();
            for (var entry : context.live().snapshot().entrySet()) {
                ChannelRequest request = entry.getValue().request();
                if (request == null) {
                    continue;
                }
                // channels of the same operator, address, kind and destination share one decision per pass
                AccessDecision decision = decided.computeIfAbsent(request.operator().id() + " " + request.address() + " " + request.kind()
                        + " " + request.command().orElse(""),
                        key -> context.broker().authorize(request));
                if (decision instanceof AccessDecision.Refused refused) {
                    entry.getValue().terminate("access ended: " + refused.reason());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "revocation check failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        revocation.shutdownNow();
        server.stop(true);
        context.upstream().close();
    }

    private interface Lookup {
        Optional<Operator> find(TargetAddress address);
    }

    private boolean authenticated(ServerSession session, String username, Lookup lookup) {
        TargetAddress address;
        try {
            address = TargetAddress.parse(username);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Optional<Operator> operator = lookup.find(address);
        operator.ifPresent(found -> {
            session.setAttribute(BrokeredChannel.OPERATOR, found);
            session.setAttribute(BrokeredChannel.ADDRESS, address);
            session.setAttribute(BrokeredChannel.CONNECTION_ID, UUID.randomUUID().toString());
        });
        return operator.isPresent();
    }

    /** Keyboard-interactive sign-in with the Vigil password and the current TOTP code, both asked without echo. */
    private final class PasswordAndCode implements KeyboardInteractiveAuthenticator {
        @Override
        public InteractiveChallenge generateChallenge(ServerSession session, String username, String lang, String subMethods) {
            InteractiveChallenge challenge = new InteractiveChallenge();
            challenge.setInteractionName("Vigil bastion");
            challenge.setInteractionInstruction("Sign in with your Vigil password and authenticator code.");
            challenge.addPrompt("Password: ", false);
            challenge.addPrompt("Verification code: ", false);
            return challenge;
        }

        @Override
        public boolean authenticate(ServerSession session, String username, List<String> responses) {
            return responses.size() == 2 && authenticated(session, username,
                    address -> operators.byPasswordAndCode(address.operator(), responses.get(0), responses.get(1)));
        }
    }

    /** The SFTP subsystem: authorised as channel {@code sftp} and relayed to the target's SFTP subsystem with per-file audit. */
    private final class SftpSubsystem implements SubsystemFactory {
        @Override
        public String getName() {
            return "sftp";
        }

        @Override
        public Command createSubsystem(ChannelSession channel) {
            return new BrokeredChannel(context, ChannelKind.SFTP, null);
        }
    }

    /** Session channels use {@link GatewayChannelSession}. */
    private static final class SessionChannelFactory implements ChannelFactory {
        @Override
        public String getName() {
            return "session";
        }

        @Override
        public org.apache.sshd.common.channel.Channel createChannel(Session session) {
            return new GatewayChannelSession();
        }
    }

}
