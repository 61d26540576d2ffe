package dev.vigil.syslog;

import static dev.vigil.syslog.SyslogClients.LOOPBACK;
import static dev.vigil.syslog.SyslogClients.closedByServer;
import static dev.vigil.syslog.SyslogClients.octetCounted;
import static dev.vigil.syslog.SyslogClients.tcp;
import static dev.vigil.syslog.SyslogClients.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.syslog.SyslogReceiver.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SyslogServerTcpTest {

    private final RecordingReceiver receiver = new RecordingReceiver();
    private SyslogServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readsNewlineFramedMessages() throws Exception {
        int port = start(settings());
        try (Socket client = tcp(port)) {
            write(client, "<13>one\n<13>two\r\n<13>three\0");
            assertThat(receiver.awaitMessages(3)).containsExactly("<13>one", "<13>two", "<13>three");
        }
        assertThat(receiver.deliveries()).allSatisfy(delivery -> {
            assertThat(delivery.transport()).isEqualTo(Transport.TCP);
            assertThat(delivery.sender().getAddress()).isEqualTo(LOOPBACK);
        });
    }

    @Test
    void readsOctetCountedMessagesWithEmbeddedNewlines() throws Exception {
        int port = start(settings());
        try (Socket client = tcp(port)) {
            write(client, octetCounted("<13>1 - host app - - - first\nsecond line") + octetCounted("<13>x"));
            assertThat(receiver.awaitMessages(2)).containsExactly("<13>1 - host app - - - first\nsecond line",
                    "<13>x");
        }
        assertThat(server.counters().tcp().framingErrors()).isZero();
    }

    @Test
    void acceptsBothFramingsOnOneConnection() throws Exception {
        int port = start(settings());
        try (Socket client = tcp(port)) {
            write(client, octetCounted("<13>a") + "<13>b\n" + octetCounted("<13>c") + "<13>d\n");
            assertThat(receiver.awaitMessages(4)).containsExactly("<13>a", "<13>b", "<13>c", "<13>d");
        }
    }

    @Test
    void deliversAnUnterminatedLastLineWhenTheSenderCloses() throws Exception {
        int port = start(settings());
        try (Socket client = tcp(port)) {
            write(client, "<13>no newline");
        }
        assertThat(receiver.awaitMessages(1)).containsExactly("<13>no newline");
    }

    @Test
    void truncatesOversizedFramesAndKeepsReading() throws Exception {
        int port = start(settings().withMaxMessageBytes(50));
        try (Socket client = tcp(port)) {
            write(client, "<13>" + "x".repeat(10_000) + "\n" + octetCounted("<13>" + "y".repeat(10_000)) + "<13>ok\n");
            assertThat(receiver.awaitMessages(3)).containsExactly("<13>" + "x".repeat(46), "<13>" + "y".repeat(46),
                    "<13>ok");
        }
        assertThat(server.counters().tcp().framingErrors()).isEqualTo(2);
    }

    @Test
    void handsOverInBatchesOfAtMostTheBatchSize() throws Exception {
        int port = start(settings().withReadBatchSize(7));
        List<String> sent = IntStream.range(0, 100).mapToObj(i -> "<13>message " + i).toList();
        try (Socket client = tcp(port)) {
            write(client, sent.stream().map(m -> m + "\n").collect(Collectors.joining()));
            assertThat(receiver.awaitMessages(100)).containsExactlyElementsOf(sent);
        }
        assertThat(receiver.deliveries()).allSatisfy(delivery -> assertThat(delivery.messages()).hasSizeBetween(1, 7));
    }

    @Test
    void pausesTheConnectionWhileTheReceiverIsFullAndLosesNothing() throws Exception {
        int port = start(settings().withReadBatchSize(100));
        receiver.setFull(true);
        // far more than the socket buffers hold, so the writer can only finish once the server reads again
        List<String> sent = IntStream.range(0, 200_000).mapToObj(i -> "<13>1 - host app - - - event " + i).toList();
        try (Socket client = tcp(port)) {
            Thread writer = Thread.ofVirtual().start(() -> writeQuietly(client,
                    sent.stream().map(m -> m + "\n").collect(Collectors.joining())));
            int checksBefore = receiver.highWaterMarkChecks();
            Await.until("the paused connection to ask again", receiver::highWaterMarkChecks,
                    checks -> checks > checksBefore + 3);
            assertThat(receiver.messages()).isEmpty();

            receiver.setFull(false);

            assertThat(receiver.awaitMessages(sent.size())).containsExactlyElementsOf(sent);
            writer.join();
        }
        assertThat(server.counters().tcp().dropped()).isZero();
        assertThat(server.counters().tcp().received()).isEqualTo(sent.size());
    }

    @Test
    void retriesABatchTheReceiverRefusedAndLosesNothing() throws Exception {
        int port = start(settings());
        receiver.failNext(3);
        try (Socket client = tcp(port)) {
            write(client, "<13>a\n");
            assertThat(receiver.awaitMessages(1)).containsExactly("<13>a");
            write(client, "<13>b\n");
            assertThat(receiver.awaitMessages(2)).containsExactly("<13>a", "<13>b");
        }
        assertThat(receiver.failures()).isEqualTo(3);
        assertThat(server.counters().tcp().dropped()).isZero();
    }

    @Test
    void closesIdleConnections() throws Exception {
        int port = start(settings().withIdleTimeout(Duration.ofMillis(200)));
        try (Socket client = tcp(port)) {
            write(client, "<13>then quiet\n");
            assertThat(receiver.awaitMessages(1)).containsExactly("<13>then quiet");
            assertThat(closedByServer(client)).isTrue();
        }
        Await.until("the idle connection to be closed", () -> server.counters().tcp().openConnections(),
                open -> open == 0);
    }

    @Test
    void closesConnectionsAboveTheLimitAtOnce() throws Exception {
        int port = start(settings().withMaxConnections(1));
        try (Socket first = tcp(port); Socket second = tcp(port)) {
            write(first, "<13>first\n");
            assertThat(receiver.awaitMessages(1)).containsExactly("<13>first");

            assertThat(closedByServer(second)).isTrue();
            assertThat(server.counters().tcp()).satisfies(counters -> {
                assertThat(counters.connections()).isEqualTo(1);
                assertThat(counters.openConnections()).isEqualTo(1);
                assertThat(counters.rejectedConnections()).isEqualTo(1);
            });
        }
    }

    @Test
    void closeEndsOpenConnectionsAndAbandonsWhatTheReceiverRefuses() throws Exception {
        int port = start(settings());
        receiver.setFull(true);
        try (Socket idle = tcp(port); Socket waiting = tcp(port)) {
            write(waiting, "<13>never accepted\n");
            Await.until("the connection to be paused", receiver::highWaterMarkChecks, checks -> checks > 1);

            server.close();

            assertThat(closedByServer(idle)).isTrue();
            assertThat(closedByServer(waiting)).isTrue();
        }
        assertThat(server.counters().tcp()).satisfies(counters -> {
            assertThat(counters.dropped()).isEqualTo(1);
            assertThat(counters.openConnections()).isZero();
        });
    }

    private static SyslogSettings settings() {
        return SyslogSettings.defaults().withBindAddress(LOOPBACK).withTcpPort(0);
    }

    private int start(SyslogSettings settings) throws IOException {
        server = new SyslogServer(settings, receiver);
        return server.start().tcp();
    }

    private static void writeQuietly(Socket client, String stream) {
        try {
            write(client, stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
