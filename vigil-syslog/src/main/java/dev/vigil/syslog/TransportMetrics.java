package dev.vigil.syslog;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** The live counts behind one transport's {@link TransportCounters}; updated from every listener thread. */
final class TransportMetrics {

    private final LongAdder received = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAdder openConnections = new LongAdder();
    private final LongAdder rejectedConnections = new LongAdder();
    private final LongAdder framingErrors = new LongAdder();

    void accepted(List<byte[]> messages) {
        received.add(messages.size());
        long total = 0;
        for (byte[] message : messages) {
            total += message.length;
        }
        bytes.add(total);
    }

    void dropped(int messages) {
        dropped.add(messages);
    }

    void connectionOpened() {
        connections.increment();
        openConnections.increment();
    }

    void connectionClosed() {
        openConnections.decrement();
    }

    void connectionRejected() {
        rejectedConnections.increment();
    }

    void framingError(FramingError error) {
        framingErrors.increment();
    }

    TransportCounters snapshot() {
        return new TransportCounters(received.sum(), dropped.sum(), bytes.sum(), connections.sum(),
                openConnections.sum(), rejectedConnections.sum(), framingErrors.sum());
    }
}
