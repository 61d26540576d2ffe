package dev.vigil.syslog;

import static dev.vigil.syslog.SyslogClients.LOOPBACK;
import static dev.vigil.syslog.SyslogClients.sendDatagram;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.syslog.SyslogReceiver.Transport;
import java.net.DatagramSocket;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SyslogServerUdpTest {

    private final RecordingReceiver receiver = new RecordingReceiver();
    private SyslogServer server;
    private int port;
    private DatagramSocket client;

    @BeforeEach
    void start() throws Exception {
        server = new SyslogServer(SyslogSettings.defaults().withBindAddress(LOOPBACK).withUdpPort(0)
                .withMaxMessageBytes(64), receiver);
        port = server.start().udp();
        client = new DatagramSocket();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void takesEachDatagramAsOneMessageWithoutTrailers() throws Exception {
        sendDatagram(client, port, "<13>one\n");
        sendDatagram(client, port, "<13>two\r\n");
        sendDatagram(client, port, "<13>three\0");
        sendDatagram(client, port, "<13>multi\nline");

        assertThat(receiver.awaitMessages(4)).containsExactly("<13>one", "<13>two", "<13>three", "<13>multi\nline");
        assertThat(receiver.deliveries()).allSatisfy(delivery -> {
            assertThat(delivery.transport()).isEqualTo(Transport.UDP);
            assertThat(delivery.sender().getPort()).isEqualTo(client.getLocalPort());
        });
        assertThat(server.counters().udp()).isEqualTo(
                new TransportCounters(4, 0, "<13>one<13>two<13>three<13>multi\nline".length(), 0, 0, 0, 0));
    }

    @Test
    void ignoresEmptyDatagrams() throws Exception {
        sendDatagram(client, port, "\n");
        sendDatagram(client, port, "<13>after");

        assertThat(receiver.awaitMessages(1)).containsExactly("<13>after");
    }

    @Test
    void truncatesOversizedDatagramsAndCountsThem() throws Exception {
        sendDatagram(client, port, "<13>" + "x".repeat(100));

        assertThat(receiver.awaitMessages(1)).containsExactly("<13>" + "x".repeat(60));
        assertThat(server.counters().udp().framingErrors()).isEqualTo(1);
    }

    @Test
    void dropsAndCountsWhileTheReceiverIsOverItsHighWaterMark() throws Exception {
        receiver.setFull(true);
        for (int i = 0; i < 10; i++) {
            sendDatagram(client, port, "<13>dropped " + i);
        }
        Await.until("10 dropped datagrams", () -> server.counters().udp().dropped(), dropped -> dropped == 10);

        receiver.setFull(false);
        sendDatagram(client, port, "<13>kept");

        assertThat(receiver.awaitMessages(1)).containsExactly("<13>kept");
        assertThat(server.counters().udp().received()).isEqualTo(1);
    }

    @Test
    void dropsAndCountsWhatTheReceiverRefuses() throws Exception {
        receiver.failNext(1);
        sendDatagram(client, port, "<13>refused");
        Await.until("a dropped datagram", () -> server.counters().udp().dropped(), dropped -> dropped == 1);

        sendDatagram(client, port, "<13>kept");

        assertThat(receiver.awaitMessages(1)).containsExactly("<13>kept");
    }

    @Test
    void handsOverWhatArrivedMeanwhileInOneCall() throws Exception {
        receiver.holdNextCall();
        sendDatagram(client, port, "<13>first");
        receiver.awaitHeldCall();
        List<String> burst = IntStream.range(0, 200).mapToObj(i -> "<13>burst " + i).toList();
        for (String message : burst) {
            sendDatagram(client, port, message);
        }
        receiver.release();

        assertThat(receiver.awaitMessages(201)).startsWith("<13>first").endsWith(burst.toArray(String[]::new));
        assertThat(receiver.deliveries()).extracting(delivery -> delivery.messages().size()).containsExactly(1, 200);
    }
}
