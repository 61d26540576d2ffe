package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

import org.apache.sshd.client.channel.AsyncCapableClientChannel;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.ServerSession;

/**
 * A channel the gateway opens towards the operator's client on its connection to the gateway, for a channel the target
 * opened upstream ({@code auth-agent@openssh.com}, {@code forwarded-tcpip}): the client accepts it as it would from
 * the target directly. Read and written through {@link #getInvertedOut()} and {@link #getInvertedIn()}.
 */
final class OperatorChannel extends AsyncCapableClientChannel {

    private final Consumer<Buffer> openData;

    private OperatorChannel(String type, Consumer<Buffer> openData) {
        super(type, false);
        this.openData = openData;
    }

    /** Opens a channel of {@code type} (its type-specific open fields written by {@code openData}) and waits for the client's answer. */
    static OperatorChannel open(ServerSession operatorSession, String type, Consumer<Buffer> openData, Duration timeout) throws IOException {
        OperatorChannel channel = new OperatorChannel(type, openData);
        operatorSession.getService(ConnectionService.class).registerChannel(channel);
        try {
            channel.open().verify(timeout);
        } catch (IOException | RuntimeException e) {
            channel.close(true);
            throw e;
        }
        return channel;
    }

    @Override
    public synchronized OpenFuture open() throws IOException {
        if (closeFuture.isClosed()) {
            throw new SshException("the operator's connection is closed");
        }
        openFuture = new DefaultOpenFuture(getChannelType(), futureLock);
        Buffer buffer = getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_OPEN, 128);
        buffer.putString(getChannelType());
        buffer.putUInt(getChannelId());
        buffer.putUInt(getLocalWindow().getSize());
        buffer.putUInt(getLocalWindow().getPacketSize());
        openData.accept(buffer);
        writePacket(buffer);
        return openFuture;
    }
}
