package dev.vigil.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * Reads one TCP or TLS connection: decodes what arrives into messages and hands them over, reading more only once
 * the receiver took everything read so far. Ends at the peer's end of stream, after the idle timeout (the socket's
 * read timeout), or when the listener closes the socket.
 */
final class StreamConnection implements Runnable {

    private static final int READ_BUFFER_BYTES = 64 << 10;
    private static final System.Logger LOG = System.getLogger(StreamConnection.class.getName());

    private final Socket socket;
    private final InetSocketAddress peer;
    private final SyslogFrameDecoder decoder;
    private final PatientHandOver handOver;
    private final TransportMetrics metrics;
    private final List<byte[]> messages = new ArrayList<>();

    StreamConnection(Socket socket, int maxMessageBytes, PatientHandOver handOver, TransportMetrics metrics) {
        this.socket = socket;
        this.peer = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.decoder = new SyslogFrameDecoder(maxMessageBytes, metrics::framingError);
        this.handOver = handOver;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        try {
            if (handshake()) {
                readUntilEnd();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "syslog connection from " + peer + " ended: " + e);
        } finally {
            closeQuietly();
        }
    }

    /** Closes the socket; a thread blocked reading it ends. Safe to call from any thread, more than once. */
    void closeQuietly() {
        if (socket instanceof SSLSocket) {
            // SSLSocket.close() drains the peer's input for its close_notify, waiting up to the read timeout (the
            // idle timeout): a silent peer would hold the closing thread, and shutdown, for that long.
            try {
                socket.setSoTimeout(1);
            } catch (IOException alreadyClosed) {
                // nothing to shorten
            }
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing the syslog connection from " + peer + ": " + e);
        }
    }

    /** Runs the TLS handshake here rather than in the accepting thread, so a slow client holds up only itself. */
    private boolean handshake() {
        if (!(socket instanceof SSLSocket tls)) {
            return true;
        }
        try {
            tls.startHandshake();
            return true;
        } catch (IOException e) {
            metrics.connectionRejected();
            LOG.log(System.Logger.Level.DEBUG, () -> "TLS handshake with " + peer + " failed: " + e);
            return false;
        }
    }

    private void readUntilEnd() throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        boolean open = true;
        while (open) {
            int read = readOrIdle(in, buffer);
            if (read < 0) {
                decoder.finish(messages);
                open = false;
            } else {
                decoder.decode(buffer, 0, read, messages);
            }
            boolean handedOver = handOver.handOver(peer, messages);
            messages.clear();
            open &= handedOver;
        }
    }

    /** Reads the next bytes; -1 at the end of the stream or once the connection was idle too long. */
    private static int readOrIdle(InputStream in, byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (SocketTimeoutException idle) {
            return -1;
        }
    }
}
