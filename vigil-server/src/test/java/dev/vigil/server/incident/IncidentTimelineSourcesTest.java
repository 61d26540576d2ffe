package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.bastion.gateway.ChannelKind;
import dev.vigil.bastion.gateway.Operator;
import dev.vigil.bastion.gateway.RecordedCommand;
import dev.vigil.bastion.policy.CommandAction;
import dev.vigil.bastion.gateway.SessionClosed;
import dev.vigil.bastion.gateway.SessionOpened;
import dev.vigil.bastion.gateway.SessionSink;
import dev.vigil.bastion.gateway.UpstreamTarget;
import dev.vigil.bastion.recording.Recording;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The timeline also shows where the incident's alerts were delivered (alerting's delivery log, over a real webhook) and
 * the bastion sessions linked to the case: start, commands and end, each pointing at the recording.
 */
class IncidentTimelineSourcesTest extends ServerTestBase {

    @Autowired
    AlertIntake intake;

    /** The port the bastion gateway reports sessions to; the server's implementation stores and audits them. */
    @Autowired
    SessionSink sessionSink;

    private static List<JsonNode> entries(JsonNode timeline, String kind) {
        List<JsonNode> found = new ArrayList<>();
        timeline.forEach(e -> {
            if (e.path("kind").asString().equals(kind)) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    void deliveriesOfTheIncidentsAlertsAppearInItsTimeline() throws IOException {
        String tenant = unique("tl");
        api().createTenant(ADMIN_TOKEN, tenant);
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.start();
        try {
            Api.Response receiver = api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", "tl-" + tenant,
                    "minSeverity", "low", "sources", List.of("detection"), "tenants", List.of(tenant),
                    "channels", List.of(Map.of("type", "webhook", "url", "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook"))));
            assertThat(receiver.status()).as(receiver.body()).isEqualTo(201);
            UUID alert = IncidentApiTest.raise(intake, tenant, "Beacon to C2 " + tenant, AlertSeverity.HIGH, Map.of(), Instant.now());
            Api.Response incident = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("alertIds", List.of(alert)));
            assertThat(incident.status()).as(incident.body()).isEqualTo(201);
            String id = incident.text("id");

            Awaitility.await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
                // receivers other tests left without a tenant filter may take the alert too; this one is ours
                List<JsonNode> notifications = entries(api().get("/api/v1/incidents/" + id, ADMIN_TOKEN).json().path("timeline"), "notification")
                        .stream().filter(e -> e.path("text").asString().contains("to receiver tl-" + tenant + " ")).toList();
                assertThat(notifications).hasSize(1);
                assertThat(notifications.get(0).path("text").asString()).isEqualTo("Notification of alert \"Beacon to C2 " + tenant
                        + "\" to receiver tl-" + tenant + " (webhook): sent");
                assertThat(notifications.get(0).path("links").path("api").asString()).isEqualTo("/api/v1/alerts/" + alert + "/notifications");
            });
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void linkedBastionSessionsAppearInTheTimelineWithTheirCommandsAndRecording() throws Exception {
        String tenant = unique("tl");
        api().createTenant(ADMIN_TOKEN, tenant);
        Api.Response incident = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Web shell on www", "summary",
                "containment through the bastion", "tenant", tenant));
        String id = incident.text("id");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        String sessionId = UUID.randomUUID().toString();
        String cast = "{\"version\":2,\"width\":80,\"height\":24}\n[0.5,\"o\",\"$ \"]\n[1.0,\"i\",\"ls /var/www\\r\"]\n";
        sessionSink.opened(new SessionOpened(sessionId, UUID.randomUUID().toString(), new Operator(UUID.randomUUID().toString(), "responder"),
                new UpstreamTarget(UUID.randomUUID().toString(), "www-01", "127.0.0.1", 22, UUID.randomUUID().toString(), "root",
                        UUID.randomUUID().toString()), ChannelKind.SHELL, Optional.empty(), true, "192.0.2.44", start));
        sessionSink.command(sessionId, new RecordedCommand(start.plusSeconds(5), 5.0, "rm /var/www/shell.php", CommandAction.ALLOW, Optional.empty(), List.of()));
        sessionSink.command(sessionId, new RecordedCommand(start.plusSeconds(9), 9.0, "systemctl restart nginx", CommandAction.ALLOW, Optional.empty(), List.of()));
        byte[] gzip = gzip(cast);
        sessionSink.closed(sessionId, new SessionClosed(start.plusSeconds(12), 0, null, null,
                new Recording(gzip, "ab".repeat(32), cast.length(), null, false)));

        assertThat(api().post("/api/v1/incidents/" + id + "/sessions", ADMIN_TOKEN, Map.of()).assertProblem(400).status()).isEqualTo(400);
        assertThat(api().post("/api/v1/incidents/" + id + "/sessions", ADMIN_TOKEN, Map.of("sessionId", UUID.randomUUID()))
                .assertProblem(404).status()).isEqualTo(404);
        Api.Response linked = api().post("/api/v1/incidents/" + id + "/sessions", ADMIN_TOKEN, Map.of("sessionId", sessionId));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.json().path("session").path("username").asString()).isEqualTo("responder");
        assertThat(linked.json().path("commands").asInt()).isEqualTo(2);
        assertThat(linked.json().path("recording").asString()).isEqualTo("/api/v1/sessions/" + sessionId + "/recording");
        assertThat(api().post("/api/v1/incidents/" + id + "/sessions", ADMIN_TOKEN, Map.of("sessionId", sessionId))
                .assertProblem(409).status()).isEqualTo(409);

        JsonNode timeline = api().get("/api/v1/incidents/" + id, ADMIN_TOKEN).json().path("timeline");
        List<String> texts = entries(timeline, "session").stream().map(e -> e.path("text").asString()).toList();
        assertThat(texts).containsSubsequence(
                "Bastion session started: responder on www-01 as root (shell) from 192.0.2.44 at " + start,
                "On www-01 as root: rm /var/www/shell.php",
                "On www-01 as root: systemctl restart nginx",
                "Bastion session ended on www-01 with exit status 0; recording " + cast.length() + " bytes, SHA-256 " + "ab".repeat(32));
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("Bastion session linked: responder on www-01"));
        JsonNode command = entries(timeline, "session").stream().filter(e -> e.path("text").asString().contains("shell.php")).findFirst().orElseThrow();
        assertThat(Instant.parse(command.path("at").asString())).isEqualTo(start.plusSeconds(5));
        assertThat(command.path("actor").asString()).isEqualTo("responder");
        assertThat(command.path("links").path("console").asString()).isEqualTo("/bastion/sessions/" + sessionId);
        Api.Response recording = api().get(command.path("links").path("api").asString(), ADMIN_TOKEN);
        assertThat(recording.status()).isEqualTo(200);
        assertThat(recording.body()).isEqualTo(cast);
        assertThat(api().get("/api/v1/incidents/" + id + "/sessions", ADMIN_TOKEN).json().get(0).path("session").path("target").asString())
                .isEqualTo("www-01");

        // an analyst (no bastion-session:read) sees that a session was linked, not what was done in it, and cannot link one
        String analyst = unique("analyst");
        api().createUser(ADMIN_TOKEN, analyst, PASSWORD, List.of("soc-analyst"), null);
        String token = api().createToken(ADMIN_TOKEN, analyst, List.of());
        JsonNode seen = api().get("/api/v1/incidents/" + id, token).json().path("timeline");
        assertThat(entries(seen, "session")).singleElement()
                .satisfies(e -> assertThat(e.path("text").asString()).startsWith("Bastion session linked: responder"));
        JsonNode listed = api().get("/api/v1/incidents/" + id + "/sessions", token).json();
        assertThat(listed.get(0).path("sessionId").asString()).isEqualTo(sessionId);
        assertThat(listed.get(0).path("session").isNull()).isTrue();
        Integer audited = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'incident.session.link' AND object_id = ?")
                .param(id).query(Integer.class).single();
        assertThat(audited).isEqualTo(1);

        String shown = new ConsolePages(mockMvc, jdbc).page("/incidents/" + id);
        assertThat(shown).contains("responder on www-01 as root", "On www-01 as root: rm /var/www/shell.php",
                "href=\"/bastion/sessions/" + sessionId + "\"");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
