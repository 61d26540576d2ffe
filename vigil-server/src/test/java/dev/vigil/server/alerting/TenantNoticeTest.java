package dev.vigil.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import dev.vigil.server.support.ServerJar;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tenant notices over real sockets: a tenant's representative manages the tenant's contacts (and no other tenant's),
 * a notice reaches exactly the contacts of that tenant that want its topic — by e-mail through an SMTP server and by
 * webhook —, a failing webhook is retried, and the notice with its deliveries and its audit record can be read back.
 */
class TenantNoticeTest extends ServerTestBase {

    private HttpServer http;
    private GreenMail smtp;
    private final ConcurrentLinkedQueue<String> hooks = new ConcurrentLinkedQueue<>();
    private volatile boolean failFirst = true;

    @BeforeEach
    void startServers() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = exchange.getRequestURI().getPath().startsWith("/flaky") && failFirst;
            failFirst = failFirst && !exchange.getRequestURI().getPath().startsWith("/flaky");
            if (!fail) {
                hooks.add(exchange.getRequestURI().getPath() + " " + body);
            }
            exchange.sendResponseHeaders(fail ? 503 : 200, -1);
            exchange.close();
        });
        http.start();
        smtp = new GreenMail(new ServerSetup(ServerJar.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopServers() {
        http.stop(0);
        smtp.stop();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    private String representativeOf(UUID tenant) {
        String name = unique("rep");
        api().createUser(ADMIN_TOKEN, name, PASSWORD, List.of("tenant-authorizer"), tenant);
        return api().login(name, PASSWORD);
    }

    @Test
    void aNoticeReachesTheContactsOfItsTenantThatWantItsTopic() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID acme = api().createTenant(ADMIN_TOKEN, unique("acme"));
        UUID other = api().createTenant(ADMIN_TOKEN, unique("other"));
        String rep = representativeOf(acme);

        Api.Response noChannel = api().post("/api/v1/tenants/" + acme + "/contacts", rep, Map.of("name", "security desk"));
        assertThat(noChannel.assertProblem(400).detail()).contains("channel is required");
        Api.Response badTopic = api().post("/api/v1/tenants/" + acme + "/contacts", rep, Map.of("name", "desk", "topics", List.of("gossip"),
                "channel", Map.of("type", "webhook", "url", url("/x"))));
        assertThat(badTopic.assertProblem(400).detail()).contains("unknown topic 'gossip'");
        Api.Response badChannel = api().post("/api/v1/tenants/" + acme + "/contacts", rep, Map.of("name", "desk",
                "channel", Map.of("type", "email", "to", List.of("not-an-address"))));
        assertThat(badChannel.assertProblem(400).detail()).contains("channel.to");

        Api.Response mail = api().post("/api/v1/tenants/" + acme + "/contacts", rep, Map.of("name", "security desk",
                "channel", Map.of("type", "email", "to", List.of("soc@acme.example"), "from", "vigil@provider.example",
                        "smarthost", "127.0.0.1:" + smtp.getSmtp().getPort(), "requireTls", false)));
        assertThat(mail.status()).as(mail.body()).isEqualTo(201);
        Api.Response hook = api().post("/api/v1/tenants/" + acme + "/contacts", rep, Map.of("name", "ticketing", "topics", List.of("incident"),
                "channel", Map.of("type", "webhook", "url", url("/flaky/" + run), "secret", "s3cret-" + run)));
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        assertThat(hook.json().path("channel").path("secret").asString()).isEqualTo("********");
        Api.Response maintenanceOnly = api().post("/api/v1/tenants/" + acme + "/contacts", ADMIN_TOKEN, Map.of("name", "ops lead",
                "topics", List.of("maintenance"), "channel", Map.of("type", "webhook", "url", url("/maintenance/" + run))));
        assertThat(maintenanceOnly.status()).isEqualTo(201);
        assertThat(api().post("/api/v1/tenants/" + acme + "/contacts", rep, Map.of("name", "ticketing",
                "channel", Map.of("type", "webhook", "url", url("/dup")))).assertProblem(409).detail()).contains("ticketing");
        assertThat(api().post("/api/v1/tenants/" + other + "/contacts", rep, Map.of("name", "intruder",
                "channel", Map.of("type", "webhook", "url", url("/intruder/" + run)))).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/tenants/" + other + "/contacts", ADMIN_TOKEN, Map.of("name", "other desk",
                "channel", Map.of("type", "webhook", "url", url("/other/" + run)))).status()).isEqualTo(201);
        // a changed contact sent back with its masked secret keeps the secret
        Api.Response renamed = api().put("/api/v1/tenants/" + acme + "/contacts/" + hook.text("id"), rep,
                Map.of("name", "ticketing system", "channel", Map.of("type", "webhook", "url", url("/flaky/" + run), "secret", "********")));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT channel FROM tenant_contact WHERE id = ?").param(UUID.fromString(hook.text("id"))).query(String.class)
                .single()).doesNotContain("s3cret-" + run);
        assertThat(api().get("/api/v1/tenants/" + acme + "/contacts", rep).json()).hasSize(3);

        String commander = login("incident-commander");
        assertThat(api().post("/api/v1/notices", rep, Map.of("tenantId", acme.toString(), "topic", "incident", "subject", "x", "body", "y"))
                .status()).isEqualTo(403);
        assertThat(api().post("/api/v1/notices", commander, Map.of("tenantId", acme.toString(), "topic", "rumour", "subject", "x",
                "body", "y")).assertProblem(400).detail()).contains("topic must be one of");
        assertThat(api().post("/api/v1/notices", commander, Map.of("tenantId", acme.toString(), "topic", "incident", "subject", "x",
                "body", "y", "reference", "no reference")).assertProblem(400).detail()).contains("kind:id");

        Api.Response sent = api().post("/api/v1/notices", commander, Map.of("tenantId", acme.toString(), "topic", "incident",
                "subject", "Service disruption " + run, "body", "Object storage in region eu-1 was degraded from 10:02 to 10:40 UTC.",
                "reference", "incident:" + run));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().path("deliveries")).extracting(d -> d.path("contact").asString())
                .containsExactlyInAnyOrder("security desk", "ticketing system");
        String noticeId = sent.text("id");

        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            JsonNode notice = api().get("/api/v1/notices/" + noticeId, rep).json();
            assertThat(notice.path("deliveries")).allSatisfy(d -> assertThat(d.path("status").asString()).isEqualTo("sent"));
        });
        JsonNode notice = api().get("/api/v1/notices/" + noticeId, rep).json();
        JsonNode retried = java.util.stream.StreamSupport.stream(notice.path("deliveries").spliterator(), false)
                .filter(d -> d.path("contact").asString().equals("ticketing system")).findFirst().orElseThrow();
        assertThat(retried.path("attempts").asInt()).as("a 503 is retried").isEqualTo(2);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("Service disruption " + run);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("soc@acme.example");
        assertThat(((String) mails[0].getContent())).contains("eu-1 was degraded").contains("incident:" + run);
        assertThat(hooks).anySatisfy(h -> assertThat(h).startsWith("/flaky/" + run).contains("\"kind\":\"tenant-notice\"")
                .contains("\"reference\":\"incident:" + run + "\""));
        assertThat(hooks).noneMatch(h -> h.startsWith("/maintenance/" + run) || h.startsWith("/other/" + run));

        assertThat(api().get("/api/v1/notices?reference=incident:" + run, ADMIN_TOKEN).json()).hasSize(1);
        assertThat(api().get("/api/v1/notices?tenant=" + other, rep).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/notices", representativeOf(other)).json())
                .noneMatch(n -> n.path("id").asString().equals(noticeId));
        JsonNode audit = api().get("/api/v1/audit/records?action=notice.send&objectId=" + noticeId, ADMIN_TOKEN).json();
        assertThat(audit.toString()).contains("ticketing system").contains("security desk");
    }

    @Test
    void aNoticeToATenantWithoutContactsIsRecordedWithAWarning() {
        UUID lonely = api().createTenant(ADMIN_TOKEN, unique("lonely"));
        Api.Response sent = api().post("/api/v1/notices", ADMIN_TOKEN, Map.of("tenantId", lonely.toString(), "topic", "maintenance",
                "subject", "Planned maintenance", "body", "Database upgrade on Saturday 02:00-04:00 UTC."));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().path("deliveries")).isEmpty();
        assertThat(sent.text("warning")).contains("no enabled contact for topic 'maintenance'");
        assertThat(api().post("/api/v1/notices", ADMIN_TOKEN, Map.of("tenantId", UUID.randomUUID().toString(), "topic", "general",
                "subject", "x", "body", "y")).status()).isEqualTo(404);
    }

    @Test
    void aTemplateFillsEveryPlaceholderOrNamesTheMissingOnes() {
        NoticeTemplate template = new NoticeTemplate("{{ incident.title }} affects {{services}} since {{start}}.");
        assertThat(template.placeholders()).containsExactly("incident.title", "services", "start");
        assertThat(template.render(Map.of("incident.title", "Login outage", "services", "auth, console", "start", "10:02 UTC $1")))
                .isEqualTo("Login outage affects auth, console since 10:02 UTC $1.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.render(Map.of("services", "auth")))
                .hasMessageContaining("incident.title, start");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NoticeTemplate("Dear {{customer"))
                .hasMessageContaining("unclosed {{ at character 6");
    }

    private String login(String role) {
        String name = unique(role);
        api().createUser(ADMIN_TOKEN, name, PASSWORD, List.of(role), null);
        return api().login(name, PASSWORD);
    }
}
