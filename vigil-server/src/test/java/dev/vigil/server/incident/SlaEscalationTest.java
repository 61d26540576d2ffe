package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.incident.internal.SlaBreachJob;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An SLA breach of a level-II incident goes through the escalation policy set for level II: whoever is on call gets
 * the breach alert at her webhook contact (a real HTTP server here), and the incident's timeline says whom it paged.
 */
class SlaEscalationTest extends ServerTestBase {

    @Autowired
    SlaBreachJob job;

    private HttpServer http;
    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startWebhookReceiver() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
        api().put("/api/v1/incidents/escalation/2", ADMIN_TOKEN, Map.of("policy", ""));
    }

    @Test
    void aBreachPagesWhoeverIsOnCallAndTheTimelineSaysWho() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String onCall = "duty-" + run;
        assertThat(api().post("/api/v1/oncall/users/" + onCall + "/contacts", ADMIN_TOKEN, Map.of("type", "webhook",
                "url", "http://127.0.0.1:" + http.getAddress().getPort() + "/duty")).status()).isEqualTo(201);
        String schedule = "incident-duty-" + run;
        assertThat(api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, Map.of("name", schedule, "timezone", "UTC", "rotations",
                List.of(Map.of("name", "all", "type", "daily", "participants", List.of(onCall),
                        "startsOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())))).status()).isEqualTo(201);
        String policy = "level-two-" + run;
        assertThat(api().post("/api/v1/oncall/escalation-policies", ADMIN_TOKEN, Map.of("name", policy, "steps",
                List.of(Map.of("schedules", List.of(schedule))))).status()).isEqualTo(201);

        assertThat(api().put("/api/v1/incidents/escalation/2", ADMIN_TOKEN, Map.of("policy", "nope-" + run)).assertProblem(400).detail())
                .contains("no escalation policy is named 'nope-" + run + "'");
        assertThat(api().put("/api/v1/incidents/escalation/7", ADMIN_TOKEN, Map.of("policy", policy)).assertProblem(400).detail())
                .contains("level must be 1 (I) to 4 (IV)");
        Api.Response set = api().put("/api/v1/incidents/escalation/2", ADMIN_TOKEN, Map.of("policy", policy));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(api().get("/api/v1/incidents/escalation", ADMIN_TOKEN).json().get(1).path("policy").asString()).isEqualTo(policy);
        assertThat(api().get("/api/v1/audit/records?action=incident.level.escalation", ADMIN_TOKEN).body()).contains(policy);

        String slug = unique("esc");
        api().createTenant(ADMIN_TOKEN, slug);
        Api.Response created = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Web defacement " + run, "summary", "s",
                "tenant", slug));
        String id = created.text("id");
        assertThat(api().put("/api/v1/incidents/" + id + "/level", ADMIN_TOKEN, Map.of("level", 2, "reason", "test")).status()).isEqualTo(200);
        jdbc.sql("UPDATE incident SET created_at = created_at - make_interval(secs => 3600) WHERE id = ?").param(UUID.fromString(id)).update();

        job.run();
        String alertId = api().get("/api/v1/incidents/" + id, ADMIN_TOKEN).json().path("slaBreaches").get(0).path("alertId").asString();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode timeline = api().get("/api/v1/incidents/" + id, ADMIN_TOKEN).json().path("timeline");
            Map<String, String> byKind = new HashMap<>();
            timeline.forEach(e -> byKind.merge(e.path("kind").asString(), e.path("text").asString(), (a, b) -> a + "\n" + b));
            assertThat(byKind.get("escalation")).startsWith("Paged user:" + onCall + " (escalation " + policy + ", step 1)")
                    .contains("not acknowledged");
        });
        JsonNode escalation = api().get("/api/v1/alerts/" + alertId + "/escalations", ADMIN_TOKEN).json().get(0);
        assertThat(escalation.path("policy").asString()).isEqualTo(policy);
        assertThat(escalation.path("pages").get(0).path("paged").get(0).asString()).isEqualTo(onCall);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(body -> body.contains(alertId)));
        JsonNode document = Api.JSON.readTree(received.stream().filter(body -> body.contains(alertId)).findFirst().orElseThrow());
        assertThat(document.path("source").asString()).isEqualTo("incident");
        assertThat(document.path("title").asString()).startsWith("SLA breached: ");
    }
}
