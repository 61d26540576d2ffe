package dev.vigil.syslog;

import dev.vigil.syslog.SyslogReceiver.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A syslog network receiver: UDP (RFC 5426), TCP (RFC 6587, octet counting and newline framing) and TLS (RFC 5425)
 * listeners, each on if its port is set, handing framed messages to one {@link SyslogReceiver}. Stream connections are
 * read on virtual threads; a receiver over its high-water mark pauses them (TCP backpressure) and makes UDP drop.
 */
public final class SyslogServer implements AutoCloseable {

    /** How long {@link #close()} waits for a receiver call that is under way. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final SyslogSettings settings;
    private final SyslogReceiver receiver;
    private final TransportMetrics udpMetrics = new TransportMetrics();
    private final TransportMetrics tcpMetrics = new TransportMetrics();
    private final TransportMetrics tlsMetrics = new TransportMetrics();
    private final List<Listener> listeners = new ArrayList<>();
    private boolean started;

    public SyslogServer(SyslogSettings settings, SyslogReceiver receiver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    /**
     * Binds the listeners that are on and starts receiving; binds all or none.
     *
     * @return the bound ports, ephemeral ones resolved
     * @throws IOException when a port cannot be bound
     */
    public synchronized SyslogPorts start() throws IOException {
        if (started) {
            throw new IllegalStateException("the syslog server was already started");
        }
        started = true;
        try {
            int udp = start(settings.udpPort(), port -> new UdpListener(address(port), settings, receiver,
                    udpMetrics));
            int tcp = start(settings.tcpPort(), port -> new StreamListener(
                    StreamServerSockets.plain(address(port)), Transport.TCP, settings, receiver, tcpMetrics));
            int tls = start(settings.tlsPort(), port -> new StreamListener(
                    StreamServerSockets.tls(address(port), settings.tls()), Transport.TLS, settings, receiver,
                    tlsMetrics));
            return new SyslogPorts(udp, tcp, tls);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public SyslogCounters counters() {
        return new SyslogCounters(udpMetrics.snapshot(), tcpMetrics.snapshot(), tlsMetrics.snapshot());
    }

    /**
     * Stops listening and closes all connections. A receiver call under way may finish (up to a few seconds); batches
     * still waiting for a receiver that refuses them are abandoned and counted as dropped.
     */
    @Override
    public synchronized void close() {
        listeners.forEach(listener -> listener.close(CLOSE_GRACE));
        listeners.clear();
    }

    private int start(int port, ListenerFactory factory) throws IOException {
        if (port == SyslogSettings.OFF) {
            return SyslogSettings.OFF;
        }
        Listener listener = factory.bind(port);
        listeners.add(listener);
        return listener.start();
    }

    private InetSocketAddress address(int port) {
        return new InetSocketAddress(settings.bindAddress(), port);
    }

    @FunctionalInterface
    private interface ListenerFactory {
        Listener bind(int port) throws IOException;
    }
}
