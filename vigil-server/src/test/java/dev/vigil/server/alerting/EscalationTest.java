package dev.vigil.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.alerting.internal.escalation.EscalationJob;
import dev.vigil.server.support.Api;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Escalation end to end over real sockets: a receiver that names a policy starts it for each alert it takes; step 1
 * pages whoever the on-call schedule names (her own webhook contact, received by an HTTP server here), step 2 pages a
 * user by e-mail (a real SMTP server), the chain repeats once and completes; acknowledgement and resolution stop an
 * escalation; each step pages exactly once even with the job running on several threads; bad policies and contacts
 * are refused with a reason; every step is audited.
 */
class EscalationTest extends ServerTestBase {

    record Received(String path, String body) {
    }

    @Autowired
    AlertIntake intake;

    @Autowired
    EscalationJob job;

    private HttpServer http;
    private GreenMail smtp;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startServers() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().getPath(), new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopServers() {
        http.stop(0);
        smtp.stop();
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    @Test
    void stepsPageOnCallAndUsersRepeatAndStopOnAcknowledgementOrResolution() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String alice = "alice-" + run;
        String bob = "bob-" + run;
        api().createUser(ADMIN_TOKEN, alice, PASSWORD, List.of("soc-analyst"), null);
        api().createUser(ADMIN_TOKEN, bob, PASSWORD, List.of("soc-analyst"), null);
        String aliceToken = api().login(alice, PASSWORD);

        assertThat(api().post("/api/v1/me/contacts", aliceToken, Map.of("type", "pager", "url", url("/x"))).assertProblem(400).detail())
                .contains("type must be one of");
        assertThat(api().post("/api/v1/me/contacts", aliceToken, Map.of("type", "email", "address", alice + "@example.test",
                "smarthost", "127.0.0.1:" + smtp.getSmtp().getPort())).assertProblem(403).detail()).contains("mail relay");
        assertThat(api().post("/api/v1/me/contacts", aliceToken, Map.of("type", "email", "address", alice + "@example.test"))
                .assertProblem(400).detail()).contains("vigil.alerting.mail-smarthost");
        Api.Response own = api().post("/api/v1/me/contacts", aliceToken, Map.of("label", "my hook", "type", "webhook",
                "url", url("/alice/" + run), "secret", "s3cret-" + run));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().path("channel").path("secret").asString()).isEqualTo("********");
        assertThat(api().get("/api/v1/me/contacts", aliceToken).json().size()).isEqualTo(1);
        assertThat(api().post("/api/v1/oncall/users/" + bob + "/contacts", aliceToken, Map.of("type", "webhook", "url", url("/y"))).status())
                .isEqualTo(403);
        Api.Response bobMail = api().post("/api/v1/oncall/users/" + bob + "/contacts", ADMIN_TOKEN, Map.of("type", "email",
                "address", bob + "@example.test", "smarthost", "127.0.0.1:" + smtp.getSmtp().getPort(), "from", "vigil@example.test",
                "requireTls", false));
        assertThat(bobMail.status()).as(bobMail.body()).isEqualTo(201);

        String schedule = "primary-" + run;
        assertThat(api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, Map.of("name", schedule, "timezone", "UTC", "rotations",
                List.of(Map.of("name", "all day", "type", "daily", "handoff", "00:00", "participants", List.of(alice),
                        "startsOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())))).status()).isEqualTo(201);

        Map<String, Object> policy = Map.of("name", "sev-" + run, "steps", List.of(
                Map.of("delay", "0s", "schedules", List.of(schedule)),
                Map.of("delay", "2s", "users", List.of(bob))), "repeat", 1, "repeatAfter", "2s");
        assertThat(api().post("/api/v1/oncall/escalation-policies", ADMIN_TOKEN, Map.of("name", "bad-" + run, "steps",
                List.of(Map.of("schedules", List.of("nope-" + run))))).assertProblem(400).detail())
                .contains("steps[0].schedules: no on-call schedule is named 'nope-" + run + "'");
        assertThat(api().post("/api/v1/oncall/escalation-policies", ADMIN_TOKEN, Map.of("name", "bad-" + run, "steps",
                List.of(Map.of("delay", "5m")))).assertProblem(400).detail()).contains("steps[0] pages nobody");
        assertThat(api().post("/api/v1/oncall/escalation-policies", ADMIN_TOKEN, Map.of("name", "bad-" + run, "steps",
                List.of(Map.of("delay", "soon", "users", List.of(bob))))).assertProblem(400).detail()).contains("steps[0].delay");
        assertThat(api().post("/api/v1/oncall/escalation-policies", ADMIN_TOKEN, Map.of("name", "bad-" + run, "repeat", 2,
                "steps", List.of(Map.of("users", List.of(bob))))).assertProblem(400).detail()).contains("repeatAfter is required");
        assertThat(api().post("/api/v1/oncall/escalation-policies", aliceToken, policy).status()).isEqualTo(403);
        Api.Response created = api().post("/api/v1/oncall/escalation-policies", ADMIN_TOKEN, policy);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String policyId = created.text("id");

        String receiver = "escalate-" + run;
        assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", receiver, "escalationPolicy", "nope-" + run))
                .assertProblem(400).detail()).contains("escalationPolicy");
        Api.Response receiverCreated = api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", receiver, "minSeverity",
                "low", "escalationPolicy", "sev-" + run, "sources", List.of("test-escalation")));
        assertThat(receiverCreated.status()).as(receiverCreated.body()).isEqualTo(201);
        assertThat(api().delete("/api/v1/oncall/escalation-policies/" + policyId, ADMIN_TOKEN).assertProblem(409).detail())
                .contains(receiver);

        // the whole chain: alice (on call), bob, and once more both, then completed
        UUID full = raise(run, "full", receiver);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    runs.add(threads.submit(job::run));
                }
                for (Future<Integer> f : runs) {
                    f.get();
                }
                return escalation(full).path("state").asString().equals("completed");
            });
        } finally {
            threads.shutdownNow();
        }
        JsonNode done = escalation(full);
        assertThat(done.path("policy").asString()).isEqualTo("sev-" + run);
        List<String> pages = new ArrayList<>();
        done.path("pages").forEach(p -> pages.add(p.path("round").asInt() + "." + p.path("step").asInt() + " " + p.path("target").asString()
                + " -> " + p.path("paged").path(0).asString()));
        assertThat(pages).containsExactly("1.1 schedule:" + schedule + " -> " + alice, "1.2 user:" + bob + " -> " + bob,
                "2.1 schedule:" + schedule + " -> " + alice, "2.2 user:" + bob + " -> " + bob);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode log = api().get("/api/v1/alerts/" + full + "/notifications", ADMIN_TOKEN).json();
            List<String> sent = new ArrayList<>();
            log.forEach(n -> {
                if (n.path("receiver").asString().startsWith("user:")) {
                    sent.add(n.path("receiver").asString() + " " + n.path("channelType").asString() + " " + n.path("status").asString());
                }
            });
            assertThat(sent).containsExactlyInAnyOrder("user:" + alice + " webhook sent", "user:" + alice + " webhook sent",
                    "user:" + bob + " email sent", "user:" + bob + " email sent");
        });
        List<Received> toAlice = received.stream().filter(r -> r.path().equals("/alice/" + run)).toList();
        assertThat(toAlice).hasSize(2);
        JsonNode document = Api.JSON.readTree(toAlice.getFirst().body());
        assertThat(document.path("id").asString()).isEqualTo(full.toString());
        assertThat(document.path("acknowledgeLink").asString()).contains("/ack/");
        List<MimeMessage> mails = List.of(smtp.getReceivedMessages());
        assertThat(mails).hasSize(2);
        assertThat(mails.getFirst().getAllRecipients()[0].toString()).isEqualTo(bob + "@example.test");
        assertThat(mails.getFirst().getSubject()).contains("Escalated full " + run);
        assertThat(api().get("/api/v1/audit/records?action=alert.escalate&objectId=" + full, ADMIN_TOKEN).json().size()).isEqualTo(4);

        // a policy whose second step comes late enough that acknowledging or resolving after step 1 surely comes first
        assertThat(api().post("/api/v1/oncall/escalation-policies", ADMIN_TOKEN, Map.of("name", "slow-" + run, "steps", List.of(
                Map.of("schedules", List.of(schedule)), Map.of("delay", "8s", "users", List.of(bob))))).status()).isEqualTo(201);
        String slow = "escalate-slow-" + run;
        assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", slow, "escalationPolicy", "slow-" + run,
                "sources", List.of("only-named-" + run)))
                .status()).isEqualTo(201);

        // acknowledged after step 1: bob is never paged
        UUID acknowledged = raise(run, "acknowledged", slow);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> escalation(acknowledged).path("pages").size() == 1);
        assertThat(api().post("/api/v1/alerts/" + acknowledged + "/acknowledge", ADMIN_TOKEN, Map.of()).status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> escalation(acknowledged).path("state").asString().equals("acknowledged"));
        UUID resolved = raise(run, "resolved", slow);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> escalation(resolved).path("pages").size() == 1);
        assertThat(api().post("/api/v1/alerts/" + resolved + "/resolve", ADMIN_TOKEN, Map.of("resolution", "fixed")).status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> escalation(resolved).path("state").asString().equals("resolved"));
        Thread.sleep(9000);
        assertThat(escalation(acknowledged).path("pages").size()).isEqualTo(1);
        assertThat(escalation(acknowledged).path("state").asString()).isEqualTo("acknowledged");

        assertThat(escalation(resolved).path("pages").size()).isEqualTo(1);
        assertThat(escalation(resolved).path("state").asString()).isEqualTo("resolved");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void nobodyOnCallAndUsersWithoutContactsAreLoggedAsUnreached() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String schedule = "future-" + run;
        assertThat(api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, Map.of("name", schedule, "timezone", "UTC", "rotations",
                List.of(Map.of("name", "later", "type", "daily", "participants", List.of("carol-" + run),
                        "startsOn", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString())))).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/oncall/escalation-policies", ADMIN_TOKEN, Map.of("name", "lonely-" + run, "steps",
                List.of(Map.of("schedules", List.of(schedule), "users", List.of("dave-" + run))))).status()).isEqualTo(201);
        UUID alert = intake.raise(new AlertDraft("platform", "test-escalation", "r-" + run, "Nobody " + run, "tester", AlertSeverity.HIGH,
                "k-" + run, Duration.ofMinutes(10), Map.of(AlertLabels.ESCALATION_ENTITY, "lonely-" + run, AlertLabels.RECEIVERS_ENTITY, ""), List.of(), "seen", Instant.now(), 1))
                .id();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> escalation(alert).path("state").asString().equals("completed"));
        JsonNode pages = escalation(alert).path("pages");
        List<String> notes = new ArrayList<>();
        pages.forEach(p -> notes.add(p.path("target").asString() + ": " + p.path("note").asString()));
        assertThat(notes).containsExactlyInAnyOrder("schedule:" + schedule + ": nobody is on call",
                "user:dave-" + run + ": dave-" + run + " has no contact method");
    }

    private UUID raise(String run, String what, String receiver) {
        return intake.raise(new AlertDraft("platform", "test-escalation", "r-" + what + "-" + run, "Escalated " + what + " " + run, "tester",
                AlertSeverity.HIGH, "k-" + what + "-" + run, Duration.ofMinutes(10), Map.of(AlertLabels.RECEIVERS_ENTITY, receiver),
                List.of(), "seen", Instant.now(), 1)).id();
    }

    private JsonNode escalation(UUID alert) {
        JsonNode list = api().get("/api/v1/alerts/" + alert + "/escalations", ADMIN_TOKEN).json();
        assertThat(list.size()).as(list.toString()).isEqualTo(1);
        return list.get(0);
    }
}
