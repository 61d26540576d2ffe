package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The playbook {@code notify} step against a real HTTP server: it tells a receiver and whoever is on call (through her
 * own webhook contact) a message filled in from the incident, only them (no routing spreads it), once; the dry run
 * says what it would send and sends nothing; the timeline records whom it paged; bad steps are refused by name.
 */
class PlaybookNotifyStepTest extends ServerTestBase {

    record Received(String path, String body) {
    }

    private HttpServer http;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private String commander;
    private String approver;

    @BeforeEach
    void setUp() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().getPath(), new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
        String ic = unique("ic");
        String ap = unique("ap");
        api().createUser(ADMIN_TOKEN, ic, PASSWORD, List.of("incident-commander"), null);
        api().createUser(ADMIN_TOKEN, ap, PASSWORD, List.of("approver"), null);
        commander = api().login(ic, PASSWORD);
        approver = api().login(ap, PASSWORD);
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    @Test
    void notifyTellsTheReceiverAndWhoeverIsOnCallWithTheIncidentsDetails() throws Exception {
        String run = unique("n").substring(2);
        String duty = "duty-" + run;
        assertThat(api().post("/api/v1/oncall/users/" + duty + "/contacts", ADMIN_TOKEN, Map.of("type", "webhook",
                "url", url("/duty/" + run))).status()).isEqualTo(201);
        String schedule = "pb-duty-" + run;
        assertThat(api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, Map.of("name", schedule, "timezone", "UTC", "rotations",
                List.of(Map.of("name", "all", "type", "daily", "participants", List.of(duty),
                        "startsOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())))).status()).isEqualTo(201);
        String receiver = "pb-team-" + run;
        assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", receiver, "minSeverity", "critical",
                "sources", List.of("nothing-" + run), "channels", List.of(Map.of("type", "webhook", "url", url("/team/" + run)))))
                .status()).isEqualTo(201);

        String noTargets = """
                name: bad-%s
                steps:
                  - name: tell
                    type: notify
                    message: hello
                """.formatted(run);
        assertThat(api().post("/api/v1/playbooks", commander, Map.of("definition", noTargets, "reason", "r")).assertProblem(400).detail())
                .contains("steps[0]: a notify step needs receivers, schedules or users");
        String templatedUser = """
                name: bad-%s
                steps:
                  - name: tell
                    type: notify
                    message: hello
                    users: ["{{incident.title}}"]
                """.formatted(run);
        assertThat(api().post("/api/v1/playbooks", commander, Map.of("definition", templatedUser, "reason", "r")).assertProblem(400)
                .detail()).contains("steps[0].users").contains("no placeholders");

        String yaml = """
                name: page-%s
                steps:
                  - name: tell
                    type: notify
                    title: "Page: {{incident.ref}}"
                    severity: critical
                    message: "{{incident.ref}} ({{incident.title}}) needs hands at level {{incident.level}}"
                    receivers: [%s]
                    schedules: [%s]
                """.formatted(run, receiver, schedule);
        Api.Response requested = api().post("/api/v1/playbooks", commander, Map.of("definition", yaml, "reason", "page the team"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        JsonNode applied = api().post("/api/v1/changes/" + requested.json().path("id").asString() + "/approve", approver,
                Map.of("comment", "ok")).json();
        String playbookId = applied.path("result").path("playbookId").asString();

        String title = "Defaced site " + run;
        Api.Response created = api().post("/api/v1/incidents", commander, Map.of("title", title, "summary", "s"));
        String incidentId = created.json().path("id").asString();
        String ref = created.json().path("ref").asString();

        Api.Response dry = api().post("/api/v1/incidents/" + incidentId + "/playbooks/" + playbookId + "/run", commander,
                Map.of("dryRun", true));
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().path("steps").get(0).path("action").asString()).isEqualTo("notify receivers " + receiver
                + "; whoever is on call in " + schedule + " (critical): 'Page: " + ref + "' — " + ref + " (" + title + ") needs hands at level ");
        Thread.sleep(1500);
        assertThat(received).as("a dry run sends nothing").isEmpty();

        Api.Response started = api().post("/api/v1/incidents/" + incidentId + "/playbooks/" + playbookId + "/run", commander,
                Map.of("dryRun", false));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().path("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !List.of("queued", "running").contains(
                api().get("/api/v1/incidents/" + incidentId + "/playbook-runs/" + runId, commander).json().path("status").asString()));
        JsonNode done = api().get("/api/v1/incidents/" + incidentId + "/playbook-runs/" + runId, commander).json();
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("succeeded");
        String alertId = done.path("steps").get(0).path("output").path("alert").asString();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(received.stream().map(Received::path).toList()).containsExactlyInAnyOrder("/duty/" + run, "/team/" + run);
            List<String> timeline = api().get("/api/v1/incidents/" + incidentId, commander).json().path("timeline").findValuesAsString("text");
            assertThat(timeline).anyMatch(text -> text.startsWith("Paged user:" + duty + ", " + receiver + " (escalation playbook step tell, step 1)"));
        });
        for (Received message : received) {
            JsonNode document = Api.JSON.readTree(message.body());
            assertThat(document.path("id").asString()).isEqualTo(alertId);
            assertThat(document.path("title").asString()).isEqualTo("Page: " + ref);
            assertThat(document.path("severity").asString()).isEqualTo("critical");
            assertThat(document.path("explanation").asString()).isEqualTo(ref + " (" + title + ") needs hands at level ");
        }
        List<String> log = api().get("/api/v1/alerts/" + alertId + "/notifications", ADMIN_TOKEN).json().findValuesAsString("receiver");
        assertThat(log).as("only the step's targets, not whatever the routing or other receivers would pick")
                .containsExactlyInAnyOrder("user:" + duty, receiver);
        assertThat(api().get("/api/v1/audit/records?action=alert.escalate&objectId=" + alertId, ADMIN_TOKEN).json().size()).isEqualTo(1);
    }
}
