package dev.vigil.bastion.gateway;

import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.ServerSession;

/**
 * The operator's {@code tcpip-forward} and {@code cancel-tcpip-forward} global requests, in place of MINA's handlers
 * (which would listen on the gateway itself): handed to the connection's {@link RemoteForwards}, which answers them.
 */
final class RemoteForwardRequests implements RequestHandler<ConnectionService> {

    private final GatewayContext context;

    RemoteForwardRequests(GatewayContext context) {
        this.context = context;
    }

    @Override
    public Result process(ConnectionService service, String request, boolean wantReply, Buffer buffer) {
        boolean listen = request.equals("tcpip-forward");
        if (!listen && !request.equals("cancel-tcpip-forward")) {
            return Result.Unsupported;
        }
        String address = buffer.getString();
        int port = buffer.getInt();
        RemoteForwards forwards = RemoteForwards.of((ServerSession) service.getSession(), context);
        if (listen) {
            forwards.listen(address, port, wantReply);
        } else {
            forwards.cancel(address, port, wantReply);
        }
        return Result.Replied;
    }
}
