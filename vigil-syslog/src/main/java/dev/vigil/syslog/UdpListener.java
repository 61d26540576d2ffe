package dev.vigil.syslog;

import dev.vigil.syslog.SyslogReceiver.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Receives syslog datagrams, one message each (RFC 5426), less trailing line ends and NULs. Whatever arrived in one
 * burst, up to the batch size, goes to the receiver in one call per sender. Messages the receiver refuses, by being
 * over its high-water mark or by throwing, are dropped and counted: UDP has no way to make a sender wait.
 */
final class UdpListener implements Listener {

    /** The kernel caps this at net.core.rmem_max; a large buffer rides out bursts while the receiver is busy. */
    static final int RECEIVE_BUFFER_BYTES = 8 << 20;
    private static final int MAX_DATAGRAM_BYTES = 65_535;
    private static final System.Logger LOG = System.getLogger(UdpListener.class.getName());

    private final DatagramChannel channel;
    private final Selector selector;
    private final SyslogSettings settings;
    private final SyslogReceiver receiver;
    private final TransportMetrics metrics;
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final ByteBuffer datagram = ByteBuffer.allocateDirect(MAX_DATAGRAM_BYTES);
    private final Thread reader;

    UdpListener(InetSocketAddress bindAddress, SyslogSettings settings, SyslogReceiver receiver,
                TransportMetrics metrics) throws IOException {
        this.settings = settings;
        this.receiver = receiver;
        this.metrics = metrics;
        this.channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
            channel.bind(bindAddress);
            channel.configureBlocking(false);
            this.selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.reader = Thread.ofPlatform().daemon().name("syslog-udp").unstarted(this::receiveUntilClosed);
    }

    @Override
    public int start() {
        reader.start();
        return channel.socket().getLocalPort();
    }

    @Override
    public void close(Duration grace) {
        shutdown.signal();
        selector.wakeup();
        try {
            reader.join(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeChannels();
    }

    private void receiveUntilClosed() {
        try {
            while (!shutdown.isSignalled()) {
                selector.select();
                selector.selectedKeys().clear();
                if (!shutdown.isSignalled()) {
                    receiveBurst().forEach(this::handOver);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!shutdown.isSignalled()) {
                LOG.log(System.Logger.Level.ERROR, "syslog UDP listener stopped", e);
            }
        } finally {
            closeChannels();
        }
    }

    /** Takes the datagrams waiting now, up to the batch size, grouped by sender in arrival order. */
    private Map<InetSocketAddress, List<byte[]>> receiveBurst() throws IOException {
        Map<InetSocketAddress, List<byte[]>> bySender = new LinkedHashMap<>();
        for (int taken = 0; taken < settings.readBatchSize(); taken++) {
            datagram.clear();
            InetSocketAddress sender = (InetSocketAddress) channel.receive(datagram);
            if (sender == null) {
                break;
            }
            datagram.flip();
            byte[] payload = new byte[datagram.remaining()];
            datagram.get(payload);
            int length = MessageLength.of(payload, payload.length, false, settings.maxMessageBytes(),
                    metrics::framingError);
            if (length > 0) {
                byte[] message = length == payload.length ? payload : Arrays.copyOf(payload, length);
                bySender.computeIfAbsent(sender, ignored -> new ArrayList<>()).add(message);
            }
        }
        return bySender;
    }

    private void handOver(InetSocketAddress sender, List<byte[]> messages) {
        if (receiver.overHighWaterMark()) {
            metrics.dropped(messages.size());
            return;
        }
        try {
            receiver.receive(sender, Transport.UDP, messages);
            metrics.accepted(messages);
        } catch (RuntimeException e) {
            metrics.dropped(messages.size());
            LOG.log(System.Logger.Level.DEBUG, () -> "syslog receiver refused " + messages.size()
                    + " UDP messages from " + sender + ": " + e);
        }
    }

    private void closeChannels() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing the syslog UDP listener: " + e);
        }
    }
}
