package dev.vigil.syslog;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link SyslogServer} listens on and the limits it keeps. A port of {@value #OFF} leaves that transport off,
 * a port of 0 takes an ephemeral port ({@link SyslogServer#start()} reports which).
 *
 * @param bindAddress     the local address all listeners bind to
 * @param udpPort         UDP port (RFC 5426), or {@value #OFF}
 * @param tcpPort         plain TCP port (RFC 6587), or {@value #OFF}
 * @param tlsPort         TLS port (RFC 5425), or {@value #OFF}
 * @param tls             certificate and client policy of the TLS listener; required exactly when it is on
 * @param maxMessageBytes the longest message kept; longer ones are truncated to it and counted as framing errors
 * @param maxConnections  open connections each of the TCP and TLS listeners admits; further ones are closed at once
 * @param idleTimeout     a connection that sends nothing for this long is closed; {@link Duration#ZERO} never closes
 * @param readBatchSize   the most messages handed to the receiver in one call
 */
public record SyslogSettings(InetAddress bindAddress, int udpPort, int tcpPort, int tlsPort, TlsSettings tls,
                             int maxMessageBytes, int maxConnections, Duration idleTimeout, int readBatchSize) {

    public static final int OFF = -1;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 << 10;
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_READ_BATCH_SIZE = 1000;

    static final int MAX_MESSAGE_BYTES_LIMIT = 16 << 20;

    public SyslogSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        requirePort("udpPort", udpPort);
        requirePort("tcpPort", tcpPort);
        requirePort("tlsPort", tlsPort);
        if (tlsPort != OFF && tls == null) {
            throw new IllegalArgumentException("the TLS listener needs TLS settings (a certificate and its key)");
        }
        if (maxMessageBytes < 1 || maxMessageBytes > MAX_MESSAGE_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxMessageBytes must be between 1 and " + MAX_MESSAGE_BYTES_LIMIT
                    + ", was " + maxMessageBytes);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive, was " + maxConnections);
        }
        if (idleTimeout.isNegative() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("idleTimeout must be between zero and " + Integer.MAX_VALUE
                    + " ms, was " + idleTimeout);
        }
        if (readBatchSize < 1) {
            throw new IllegalArgumentException("readBatchSize must be positive, was " + readBatchSize);
        }
    }

    /** All transports off, bound to the wildcard address, default limits; turn transports on with the withers. */
    public static SyslogSettings defaults() {
        return new SyslogSettings(new InetSocketAddress(0).getAddress(), OFF, OFF, OFF, null,
                DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT, DEFAULT_READ_BATCH_SIZE);
    }

    public SyslogSettings withBindAddress(InetAddress address) {
        return new SyslogSettings(address, udpPort, tcpPort, tlsPort, tls, maxMessageBytes, maxConnections,
                idleTimeout, readBatchSize);
    }

    public SyslogSettings withUdpPort(int port) {
        return new SyslogSettings(bindAddress, port, tcpPort, tlsPort, tls, maxMessageBytes, maxConnections,
                idleTimeout, readBatchSize);
    }

    public SyslogSettings withTcpPort(int port) {
        return new SyslogSettings(bindAddress, udpPort, port, tlsPort, tls, maxMessageBytes, maxConnections,
                idleTimeout, readBatchSize);
    }

    public SyslogSettings withTls(int port, TlsSettings tlsSettings) {
        return new SyslogSettings(bindAddress, udpPort, tcpPort, port, tlsSettings, maxMessageBytes, maxConnections,
                idleTimeout, readBatchSize);
    }

    public SyslogSettings withMaxMessageBytes(int bytes) {
        return new SyslogSettings(bindAddress, udpPort, tcpPort, tlsPort, tls, bytes, maxConnections, idleTimeout,
                readBatchSize);
    }

    public SyslogSettings withMaxConnections(int connections) {
        return new SyslogSettings(bindAddress, udpPort, tcpPort, tlsPort, tls, maxMessageBytes, connections,
                idleTimeout, readBatchSize);
    }

    public SyslogSettings withIdleTimeout(Duration timeout) {
        return new SyslogSettings(bindAddress, udpPort, tcpPort, tlsPort, tls, maxMessageBytes, maxConnections,
                timeout, readBatchSize);
    }

    public SyslogSettings withReadBatchSize(int messages) {
        return new SyslogSettings(bindAddress, udpPort, tcpPort, tlsPort, tls, maxMessageBytes, maxConnections,
                idleTimeout, messages);
    }

    private static void requirePort(String name, int port) {
        if (port < OFF || port > 65535) {
            throw new IllegalArgumentException(name + " must be " + OFF + " (off), 0 (ephemeral) or a port up to"
                    + " 65535, was " + port);
        }
    }
}
