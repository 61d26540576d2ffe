package dev.vigil.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.ingest.internal.SyslogListeners;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Syslog through the server's listeners: the sender's address picks the input (and so the tenant), messages are
 * parsed and searchable, and the input's counters move.
 */
class SyslogIngestTest extends ServerTestBase {

    @Autowired
    SyslogListeners listeners;

    @Test
    void udpAndTcpMessagesAreParsedAndLandOnTheMostSpecificInput() throws Exception {
        String tenant = unique("syslog-tenant");
        api().createTenant(ADMIN_TOKEN, tenant);
        Api.Response created = api().post("/api/v1/ingest/inputs", ADMIN_TOKEN, Map.of("name", unique("loopback"), "type", "syslog",
                "tenant", tenant, "sources", List.of("127.0.0.1/32"), "asset", "bastion-01"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String inputId = created.text("id");
        String run = UUID.randomUUID().toString().substring(0, 8);
        try {
            byte[] udp = ("<38>Nov 29 06:10:01 gw-" + run + " sshd[4242]: Failed password for invalid user oracle from 203.0.113.9 port 50022 ssh2")
                    .getBytes(StandardCharsets.UTF_8);
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.send(new DatagramPacket(udp, udp.length, InetAddress.getLoopbackAddress(), listeners.ports().udp()));
            }
            String rfc5424 = "<165>1 2026-11-29T06:10:02.123Z db-" + run + " app 77 ID47 [origin ip=\"10.0.0.8\"] disk usage 91%";
            String framed = rfc5424.getBytes(StandardCharsets.UTF_8).length + " " + rfc5424
                    + "<86>Nov 29 06:10:03 db-" + run + " sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/cat /etc/shadow\n";
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listeners.ports().tcp());
                    OutputStream out = socket.getOutputStream()) {
                out.write(framed.getBytes(StandardCharsets.UTF_8));
            }

            IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
            ingest.awaitCount(ADMIN_TOKEN, "host.name:*" + run, 3);
            assertThat(ingest.count(ADMIN_TOKEN, "host.name:gw-" + run + " AND event.outcome:failure AND source.ip:\"203.0.113.9\""
                    + " AND user.name:oracle")).isEqualTo(1);
            assertThat(ingest.count(ADMIN_TOKEN, "host.name:db-" + run + " AND user.effective.name:root")).isEqualTo(1);
            JsonNode event = api().get("/api/v1/events/search?q=" + java.net.URLEncoder.encode("log.syslog.msgid:ID47 AND host.name:db-" + run,
                    StandardCharsets.UTF_8), ADMIN_TOKEN).json().path("events").get(0);
            assertThat(event.path("tenant").asString()).isEqualTo(tenant);
            assertThat(event.path("inputId").asString()).isEqualTo(inputId);
            assertThat(event.path("fields").path("asset.name").asString()).isEqualTo("bastion-01");
            assertThat(event.path("timestamp").asString()).isEqualTo("2026-11-29T06:10:02.123Z");
        } finally {
            assertThat(api().delete("/api/v1/ingest/inputs/" + inputId, ADMIN_TOKEN).status()).isEqualTo(204);
        }
    }
}
