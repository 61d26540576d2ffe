package dev.vigil.syslog;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where the syslog listeners hand over framed messages. The server's implementation appends them to the spool.
 */
public interface SyslogReceiver {

    /**
     * Accepts messages from one sender; returns only once they are durable. Throws (for example the spool's "full"
     * exception) when they were not accepted: a TCP/TLS listener then retries after a pause without reading more from
     * that connection, a UDP listener counts them as dropped.
     *
     * @param sender    the peer's address
     * @param transport how they arrived
     * @param messages  one element per syslog message, exactly the bytes of the frame (no trailing newline, no octet
     *                  count prefix)
     */
    void receive(InetSocketAddress sender, Transport transport, List<byte[]> messages);

    /** True while the receiver wants the listeners to stop reading (TCP/TLS) or to drop (UDP). */
    boolean overHighWaterMark();

    enum Transport { UDP, TCP, TLS }
}
