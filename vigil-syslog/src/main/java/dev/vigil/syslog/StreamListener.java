package dev.vigil.syslog;

import dev.vigil.syslog.SyslogReceiver.Transport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts TCP or TLS connections on a bound server socket and reads each on its own virtual thread, up to the
 * connection limit; connections above it are closed at once.
 */
final class StreamListener implements Listener {

    /** After a failed accept, typically for want of file descriptors, so as not to spin. */
    private static final Duration ACCEPT_FAILURE_PAUSE = Duration.ofMillis(100);
    private static final System.Logger LOG = System.getLogger(StreamListener.class.getName());

    private final ServerSocket serverSocket;
    private final Transport transport;
    private final SyslogSettings settings;
    private final TransportMetrics metrics;
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final PatientHandOver handOver;
    private final Map<StreamConnection, Thread> connections = new ConcurrentHashMap<>();
    private final Thread acceptor;

    StreamListener(ServerSocket serverSocket, Transport transport, SyslogSettings settings, SyslogReceiver receiver,
                   TransportMetrics metrics) {
        this.serverSocket = serverSocket;
        this.transport = transport;
        this.settings = settings;
        this.metrics = metrics;
        this.handOver = new PatientHandOver(receiver, transport, settings.readBatchSize(), metrics, shutdown);
        this.acceptor = Thread.ofPlatform().daemon().name("syslog-" + transport.name().toLowerCase() + "-accept")
                .unstarted(this::acceptUntilClosed);
    }

    @Override
    public int start() {
        acceptor.start();
        return serverSocket.getLocalPort();
    }

    @Override
    public void close(Duration grace) {
        shutdown.signal();
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing the syslog " + transport + " listener: " + e);
        }
        connections.keySet().forEach(StreamConnection::closeQuietly);
        long deadline = System.nanoTime() + grace.toNanos();
        joinUntil(acceptor, deadline);
        connections.values().forEach(thread -> joinUntil(thread, deadline));
    }

    private void acceptUntilClosed() {
        while (!shutdown.isSignalled()) {
            try {
                admit(serverSocket.accept());
            } catch (IOException e) {
                if (!shutdown.isSignalled()) {
                    LOG.log(System.Logger.Level.WARNING, "syslog " + transport + " listener failed to accept", e);
                    shutdown.awaitFor(ACCEPT_FAILURE_PAUSE);
                }
            }
        }
    }

    private void admit(Socket socket) throws IOException {
        if (connections.size() >= settings.maxConnections() || shutdown.isSignalled()) {
            metrics.connectionRejected();
            socket.close();
            return;
        }
        try {
            socket.setSoTimeout((int) settings.idleTimeout().toMillis());
            socket.setKeepAlive(true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        StreamConnection connection = new StreamConnection(socket, settings.maxMessageBytes(), handOver, metrics);
        metrics.connectionOpened();
        Thread reader = Thread.ofVirtual().name("syslog-" + transport.name().toLowerCase() + "-connection")
                .unstarted(() -> {
                    try {
                        connection.run();
                    } finally {
                        connections.remove(connection);
                        metrics.connectionClosed();
                    }
                });
        connections.put(connection, reader);
        reader.start();
        if (shutdown.isSignalled()) {
            connection.closeQuietly();
        }
    }

    private static void joinUntil(Thread thread, long deadline) {
        Duration remaining = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        try {
            if (!thread.join(remaining)) {
                LOG.log(System.Logger.Level.WARNING, "syslog thread " + thread + " still busy after shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
