package dev.vigil.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.vigil.server.ingest.internal.SyslogListeners;
import dev.vigil.server.support.Api;
import dev.vigil.server.support.RunningServer;
import dev.vigil.server.support.TestDirs;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * When unprocessed data passes the spool's high-water mark, HTTP senders get 429 with Retry-After (nothing of the
 * request accepted) and UDP syslog is dropped and counted. The server here commits to the store only once an hour,
 * so the spool keeps everything it accepted as unprocessed backlog.
 */
@Tag("e2e")
class BackpressureIT {

    private static final String ADMIN_TOKEN = "vgl_backpressure-it-admin-token-0123456789";

    @Test
    void aFullSpoolAnswers429AndCountsUdpDrops() throws Exception {
        try (RunningServer server = RunningServer.start(TestDirs.fresh("backpressure"), "vigil.bootstrap.api-token=" + ADMIN_TOKEN,
                "vigil.ingest.spool-segment-size=1MB", "vigil.ingest.spool-high-water-mark=1MB", "vigil.events.commit-interval=1h")) {
            Api api = server.api();
            IngestClient ingest = new IngestClient(api, ADMIN_TOKEN);
            String token = ingest.createToken(ingest.createHttpInput("burst", "platform", "json"));
            String line = "{\"message\":\"" + "x".repeat(1000) + "\"}\n";
            String body = line.repeat(200);

            HttpResponse<String> refused = null;
            int accepted = 0;
            for (int i = 0; i < 50 && refused == null; i++) {
                HttpResponse<String> response = ingest.ndjson(token, body);
                if (response.statusCode() == 200) {
                    accepted++;
                } else {
                    refused = response;
                }
            }
            assertThat(accepted).as("requests accepted before the spool filled").isGreaterThan(0);
            assertThat(refused).as("a request refused once the backlog passed 1MB").isNotNull();
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(Api.JSON.readTree(refused.body()).path("type").asString()).endsWith("/backpressure");

            byte[] datagram = "<13>Nov 29 07:00:00 host app: dropped while behind".getBytes(StandardCharsets.UTF_8);
            int udpPort = server.bean(SyslogListeners.class).ports().udp();
            try (DatagramSocket socket = new DatagramSocket()) {
                for (int i = 0; i < 5; i++) {
                    socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), udpPort));
                }
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(server.bean(SyslogListeners.class).syslogCounters().udp().dropped()).isEqualTo(5));
            String metrics = api.get("/metrics", null).body();
            assertThat(metrics).contains("vigil_syslog_dropped_total{transport=\"udp\"} 5.0");
        }
    }
}
