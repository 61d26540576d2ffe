package dev.vigil.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.detection.DetectionApiTest;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import dev.vigil.server.support.ServerJar;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Notifications end to end over real sockets: a detection alert is delivered to a signed webhook (checked here against
 * the shared secret, retried after a 503), a Slack-compatible chat webhook and an SMTP server; a 404 is a permanent
 * failure; alerts below a receiver's severity do not reach it; the delivery log tells it all.
 */
class NotificationTest extends ServerTestBase {

    record Received(String path, Map<String, List<String>> headers, String body) {
    }

    private HttpServer http;
    private GreenMail smtp;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger hookCalls = new AtomicInteger();

    @BeforeEach
    void startServers() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            int status = path.startsWith("/hook") && hookCalls.incrementAndGet() == 1 ? 503 : path.startsWith("/gone") ? 404 : 200;
            exchange.sendResponseHeaders(status, -1);
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

    @Test
    void aHighAlertReachesSignedWebhookChatAndMailWithRetriesAndALog() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String secret = "hook-secret-" + run;
        Api.Response bad = api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", "bad-" + run,
                "channels", List.of(Map.of("type", "pager", "url", url("/x")))));
        assertThat(bad.assertProblem(400).detail()).contains("channels[0].type");
        Api.Response receiver = api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", "soc-" + run, "minSeverity", "high",
                "sources", List.of("detection"), "channels", List.of(
                        Map.of("type", "webhook", "url", url("/hook/" + run), "secret", secret),
                        Map.of("type", "slack", "url", url("/chat/" + run)),
                        Map.of("type", "email", "to", List.of("oncall@example.test"), "from", "vigil@example.test",
                                "smarthost", "127.0.0.1:" + smtp.getSmtp().getPort(), "requireTls", false))));
        assertThat(receiver.status()).as(receiver.body()).isEqualTo(201);
        assertThat(receiver.json().path("channels").get(0).path("secret").asString()).isEqualTo("********");
        assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", "gone-" + run, "minSeverity", "high",
                "sources", List.of("detection"), "channels", List.of(Map.of("type", "webhook", "url", url("/gone/" + run))))).status())
                .isEqualTo(201);

        String highRule = UUID.randomUUID().toString();
        String lowRule = UUID.randomUUID().toString();
        api().sendBytes("POST", "/api/v1/detection/rules/import?filename=n.zip", ADMIN_TOKEN, "application/zip",
                HttpRequest.BodyPublishers.ofByteArray(DetectionApiTest.zip(Map.of(
                        "high.yml", DetectionApiTest.windowsRule(highRule, "Notify high " + run, "high-" + run + ".exe", "high"),
                        "low.yml", DetectionApiTest.windowsRule(lowRule, "Notify low " + run, "low-" + run + ".exe", "low")))));
        for (String id : List.of(highRule, lowRule)) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api().get("/api/v1/detection/rules?q=" + id, ADMIN_TOKEN).json()
                    .path(0).path("state").asString().equals("active"));
        }
        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("notify"), "platform", "json"));
        ingest.ndjson(token, DetectionApiTest.sysmonEvent("WS-N-" + run, "C:\\high-" + run + ".exe", "CORP\\x", Instant.now()) + "\n"
                + DetectionApiTest.sysmonEvent("WS-N-" + run, "C:\\low-" + run + ".exe", "CORP\\x", Instant.now()) + "\n");

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/alerts?rule=" + highRule, ADMIN_TOKEN).json().size() == 1);
        String alertId = api().get("/api/v1/alerts?rule=" + highRule, ADMIN_TOKEN).json().get(0).path("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            List<JsonNode> log = new java.util.ArrayList<>();
            api().get("/api/v1/alerts/" + alertId + "/notifications", ADMIN_TOKEN).json().forEach(entry -> {
                if (entry.path("receiver").asString().endsWith("-" + run)) {
                    log.add(entry);
                }
            });
            assertThat(log).hasSize(4);
            for (JsonNode entry : log) {
                if (entry.path("receiver").asString().startsWith("gone-")) {
                    assertThat(entry.path("status").asString()).isEqualTo("failed");
                    assertThat(entry.path("attempts").asInt()).isEqualTo(1);
                    assertThat(entry.path("lastError").asString()).startsWith("permanent: HTTP 404");
                } else {
                    assertThat(entry.path("status").asString()).as(entry.toString()).isEqualTo("sent");
                }
                if (entry.path("channelType").asString().equals("webhook") && entry.path("receiver").asString().startsWith("soc-")) {
                    assertThat(entry.path("attempts").asInt()).isEqualTo(2);
                }
            }
        });

        Received hook = received.stream().filter(r -> r.path().equals("/hook/" + run)).reduce((a, b) -> b).orElseThrow();
        String timestamp = hook.headers().get("X-vigil-timestamp").get(0);
        assertThat(hook.headers().get("X-vigil-signature").get(0)).isEqualTo("sha256=" + hmac(secret, timestamp + "." + hook.body()));
        JsonNode document = Api.JSON.readTree(hook.body());
        assertThat(document.path("severity").asString()).isEqualTo("high");
        assertThat(document.path("author").asString()).isEqualTo(DetectionApiTest.AUTHOR);
        assertThat(document.path("link").asString()).endsWith("/alerts/" + alertId);
        Received chat = received.stream().filter(r -> r.path().equals("/chat/" + run)).findFirst().orElseThrow();
        assertThat(Api.JSON.readTree(chat.body()).path("text").asString()).contains("[HIGH] Notify high " + run).contains("WS-N-" + run);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[HIGH] Notify high " + run);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("oncall@example.test");
        assertThat(((String) mail.getContent())).contains("Image=C:\\high-" + run + ".exe").contains("Open: ");

        String ackLink = document.path("acknowledgeLink").asString();
        assertThat(ackLink).contains("/ack/");
        assertThat((String) mail.getContent()).contains("Acknowledge: " + base() + "/ack/");
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ackLink)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Notify high " + run).contains("ack-button");
        assertThat(api().get("/api/v1/alerts/" + alertId, ADMIN_TOKEN).json().path("acknowledgedAt").isNull()).isTrue();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(java.net.URI.create(ackLink))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build();
        assertThat(browser.send(post, java.net.http.HttpResponse.BodyHandlers.ofString()).body()).contains("ack-done");
        assertThat(api().get("/api/v1/alerts/" + alertId, ADMIN_TOKEN).json().path("acknowledgedBy").asString()).isEqualTo("link:soc-" + run);
        assertThat(browser.send(post, java.net.http.HttpResponse.BodyHandlers.ofString()).body()).contains("ack-used");
        String forged = ackLink.substring(0, ackLink.length() - 3) + "abc";
        assertThat(browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(forged)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

        String lowAlert = api().get("/api/v1/alerts?rule=" + lowRule, ADMIN_TOKEN).json().get(0).path("id").asString();
        assertThat(api().get("/api/v1/alerts/" + lowAlert + "/notifications", ADMIN_TOKEN).body()).doesNotContain("-" + run + "\"");

        List<String> test = Api.JSON.readValue(api().post("/api/v1/alerting/receivers/" + receiver.text("id") + "/test", ADMIN_TOKEN, null).body(),
                Api.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(test).hasSize(3).allMatch(line -> line.contains(": sent"));
    }

    @Test
    void silencedAlertsAreRecordedButNotSent() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", "quiet-" + run, "minSeverity", "low",
                "channels", List.of(Map.of("type", "webhook", "url", url("/quiet/" + run))))).status()).isEqualTo(201);
        Instant now = Instant.now();
        assertThat(api().post("/api/v1/alerting/silences", ADMIN_TOKEN, Map.of("matchers", List.of("host_name=\"WS-S-" + run + "\""),
                "endsAt", now.plus(Duration.ofHours(1)).toString())).assertProblem(400).detail()).contains("comment");
        assertThat(api().post("/api/v1/alerting/silences", ADMIN_TOKEN, Map.of("matchers", List.of("host_name=~\".*\""),
                "endsAt", now.plus(Duration.ofHours(1)).toString(), "comment", "everything")).assertProblem(400).detail())
                .contains("empty");
        Api.Response silence = api().post("/api/v1/alerting/silences", ADMIN_TOKEN, Map.of("matchers",
                List.of("host_name=\"WS-S-" + run + "\"", "severity=~\"low|medium\""), "endsAt", now.plus(Duration.ofHours(1)).toString(),
                "comment", "patching WS-S-" + run));
        assertThat(silence.status()).as(silence.body()).isEqualTo(201);
        assertThat(silence.json().path("state").asString()).isEqualTo("active");

        String sigmaId = UUID.randomUUID().toString();
        api().sendBytes("POST", "/api/v1/detection/rules/import?filename=s.zip", ADMIN_TOKEN, "application/zip",
                HttpRequest.BodyPublishers.ofByteArray(DetectionApiTest.zip(Map.of(
                        "s.yml", DetectionApiTest.windowsRule(sigmaId, "Silenced " + run, "quiet-" + run + ".exe", "low")))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api().get("/api/v1/detection/rules?q=" + sigmaId, ADMIN_TOKEN).json()
                .path(0).path("state").asString().equals("active"));
        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("silence"), "platform", "json"));
        ingest.ndjson(token, DetectionApiTest.sysmonEvent("WS-S-" + run, "C:\\quiet-" + run + ".exe", "CORP\\x", now) + "\n");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/alerts?rule=" + sigmaId, ADMIN_TOKEN).json().size() == 1);
        String alertId = api().get("/api/v1/alerts?rule=" + sigmaId, ADMIN_TOKEN).json().get(0).path("id").asString();
        JsonNode log = api().get("/api/v1/alerts/" + alertId + "/notifications", ADMIN_TOKEN).json();
        JsonNode quiet = null;
        for (JsonNode entry : log) {
            if (entry.path("receiver").asString().equals("quiet-" + run)) {
                quiet = entry;
            }
        }
        assertThat(quiet).isNotNull();
        assertThat(quiet.path("status").asString()).isEqualTo("held");
        assertThat(quiet.path("heldBack").asString()).contains(silence.text("id")).contains("patching WS-S-" + run);
        assertThat(received.stream().noneMatch(r -> r.path().equals("/quiet/" + run))).isTrue();

        assertThat(api().post("/api/v1/alerting/silences/" + silence.text("id") + "/expire", ADMIN_TOKEN, null).json().path("state")
                .asString()).isEqualTo("expired");
        // the alert still fires: what the silence held back goes out now
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(r -> r.path().equals("/quiet/" + run)));
        assertThat(api().post("/api/v1/alerting/silences/" + silence.text("id") + "/expire", ADMIN_TOKEN, null).assertProblem(409).status())
                .isEqualTo(409);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String hmac(String secret, String text) throws NoSuchAlgorithmException, InvalidKeyException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
