package dev.vigil.syslog;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where the syslog listeners hand over framed messages. The server's implementation appends them to the spool.
 * The listeners call it from several threads at once: the UDP listener's and one per TCP or TLS connection.
 */
public interface SyslogReceiver {

    /**
     * Accepts messages from one sender; returns only once they are durable. Throws (for example the spool's "full"
     * exception) when they were not accepted: a TCP/TLS listener then retries the same messages after a pause without
     * reading more from that connection, a UDP listener counts them as dropped.
     *
     * @param sender    the peer's address
     * @param transport how they arrived
     * @param messages  one element per syslog message, in the order they arrived: the bytes of the frame less its
     *                  octet count prefix and any trailing LF, CR and NUL bytes, at most the configured maximum
     *                  message size; never empty. The receiver may keep the list and the arrays.
     */
    void receive(InetSocketAddress sender, Transport transport, List<byte[]> messages);

    /**
     * True while the receiver wants the listeners to stop reading (TCP/TLS) or to drop (UDP). Asked before every
     * {@link #receive} call, so it should be cheap.
     */
    boolean overHighWaterMark();

    enum Transport { UDP, TCP, TLS }
}
