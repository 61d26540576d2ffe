package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;

/**
 * The front side of a session channel. Records the pty-req explicitly (MINA keeps it in the same map that {@code env}
 * requests fill), accepts only {@code LANG} and {@code LC_*} from the client's environment, follows window changes, notes
 * an agent forwarding request (decided against the grant's {@code agent-forward} channel when the shell or exec starts),
 * and refuses X11 forwarding.
 */
final class GatewayChannelSession extends ChannelSession {

    private volatile TerminalRequest terminal;
    private volatile boolean agentRequested;
    private final Map<String, String> acceptedEnv = new LinkedHashMap<>();
    private volatile BiConsumer<Integer, Integer> windowListener = (columns, rows) -> { };

    GatewayChannelSession() {
        super(ChannelSession.DEFAULT_HANDLERS);
    }

    TerminalRequest terminal() {
        return terminal;
    }

    /** Whether the operator's client asked for agent forwarding ({@code ssh -A}) on this channel. */
    boolean agentRequested() {
        return agentRequested;
    }

    synchronized Map<String, String> acceptedEnv() {
        return Map.copyOf(acceptedEnv);
    }

    void onWindowChange(BiConsumer<Integer, Integer> listener) {
        this.windowListener = listener;
    }

    @Override
    protected RequestHandler.Result handlePtyReqParsed(String term, int columns, int rows, int width, int height,
            Map<PtyMode, Integer> modes) throws IOException {
        terminal = new TerminalRequest(term, columns, rows, modes);
        return super.handlePtyReqParsed(term, terminal.columns(), terminal.rows(), width, height, modes);
    }

    @Override
    protected RequestHandler.Result handleEnvParsed(String name, String value) throws IOException {
        if (!(name.equals("LANG") || name.startsWith("LC_")) || value.length() > 64) {
            return RequestHandler.Result.ReplyFailure;
        }
        synchronized (this) {
            acceptedEnv.put(name, value);
        }
        return RequestHandler.Result.ReplySuccess;
    }

    @Override
    protected RequestHandler.Result handleWindowChangeParsed(int columns, int rows, int width, int height) throws IOException {
        TerminalRequest current = terminal;
        if (current != null) {
            terminal = new TerminalRequest(current.term(), columns, rows, current.modes());
            windowListener.accept(terminal.columns(), terminal.rows());
        }
        return RequestHandler.Result.ReplySuccess;
    }

    @Override
    protected RequestHandler.Result handleAgentForwardingParsed(String requestType) throws IOException {
        agentRequested = true;
        return RequestHandler.Result.ReplySuccess;
    }

    @Override
    protected RequestHandler.Result handleX11ForwardingParsed(String requestType, ServerSession session, boolean singleConnection,
            String authProtocol, String authCookie, int screenId) throws IOException {
        return RequestHandler.Result.ReplyFailure;
    }
}
