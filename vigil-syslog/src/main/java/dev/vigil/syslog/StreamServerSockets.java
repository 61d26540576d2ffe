package dev.vigil.syslog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLServerSocket;

/** Opens the bound server sockets of the TCP and TLS listeners. */
final class StreamServerSockets {

    /** RFC 5425 as updated by RFC 9662 asks for TLS 1.2 at least. */
    static final List<String> TLS_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final int BACKLOG = 256;

    private StreamServerSockets() {
    }

    static ServerSocket plain(InetSocketAddress bindAddress) throws IOException {
        return bind(new ServerSocket(), bindAddress);
    }

    static ServerSocket tls(InetSocketAddress bindAddress, TlsSettings tls) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) tls.sslContext().getServerSocketFactory().createServerSocket();
        try {
            String[] protocols = Arrays.stream(socket.getSupportedProtocols())
                    .filter(TLS_PROTOCOLS::contains)
                    .toArray(String[]::new);
            if (protocols.length == 0) {
                throw new IOException("the TLS provider supports neither TLS 1.3 nor TLS 1.2");
            }
            socket.setEnabledProtocols(protocols);
            socket.setNeedClientAuth(tls.requireClientCertificate());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return bind(socket, bindAddress);
    }

    private static ServerSocket bind(ServerSocket socket, InetSocketAddress bindAddress) throws IOException {
        try {
            socket.setReuseAddress(true);
            socket.bind(bindAddress, BACKLOG);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
