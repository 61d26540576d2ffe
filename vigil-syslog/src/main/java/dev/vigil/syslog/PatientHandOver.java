package dev.vigil.syslog;

import dev.vigil.syslog.SyslogReceiver.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Hands a stream connection's messages to the receiver in batches, waiting as long as it refuses them: while it is
 * over its high-water mark or throws, the same batch is offered again after a growing pause. The connection reads
 * nothing in the meantime, so the sender's TCP window fills and it slows down; nothing read from the stream is
 * dropped, except what is still waiting when the listener closes.
 */
final class PatientHandOver {

    static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(PatientHandOver.class.getName());

    private final SyslogReceiver receiver;
    private final Transport transport;
    private final int batchSize;
    private final TransportMetrics metrics;
    private final ShutdownSignal shutdown;

    PatientHandOver(SyslogReceiver receiver, Transport transport, int batchSize, TransportMetrics metrics,
                    ShutdownSignal shutdown) {
        this.receiver = receiver;
        this.transport = transport;
        this.batchSize = batchSize;
        this.metrics = metrics;
        this.shutdown = shutdown;
    }

    /**
     * Returns true once the receiver took all the messages, false if the listener closed first; the messages not
     * taken by then are counted as dropped.
     */
    boolean handOver(InetSocketAddress sender, List<byte[]> messages) {
        for (int from = 0; from < messages.size(); from += batchSize) {
            List<byte[]> batch = List.copyOf(messages.subList(from, Math.min(from + batchSize, messages.size())));
            if (!handOverBatch(sender, batch)) {
                metrics.dropped(messages.size() - from);
                return false;
            }
        }
        return true;
    }

    private boolean handOverBatch(InetSocketAddress sender, List<byte[]> batch) {
        Duration pause = FIRST_PAUSE;
        boolean failureLogged = false;
        while (true) {
            if (!receiver.overHighWaterMark()) {
                try {
                    receiver.receive(sender, transport, batch);
                    metrics.accepted(batch);
                    return true;
                } catch (RuntimeException e) {
                    if (!failureLogged) {
                        LOG.log(System.Logger.Level.WARNING, "syslog receiver refused " + batch.size()
                                + " messages from " + sender + "; pausing the connection and retrying", e);
                        failureLogged = true;
                    }
                }
            }
            if (shutdown.awaitFor(pause)) {
                return false;
            }
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(LONGEST_PAUSE) < 0 ? doubled : LONGEST_PAUSE;
        }
    }
}
