package dev.vigil.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** Minimal syslog senders for socket tests. */
final class SyslogClients {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private SyslogClients() {
    }

    static void sendDatagram(DatagramSocket socket, int port, String payload) throws IOException {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, port));
    }

    static Socket tcp(int port) throws IOException {
        return new Socket(LOOPBACK, port);
    }

    static SSLSocket tls(SSLContext context, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
        socket.startHandshake();
        return socket;
    }

    static void write(Socket socket, String stream) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(stream.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String octetCounted(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length + " " + message;
    }

    /** Reads until the server closes the connection; true if it did (end of stream or reset). */
    static boolean closedByServer(Socket socket) {
        try {
            return socket.getInputStream().read() < 0;
        } catch (IOException reset) {
            return true;
        }
    }
}
