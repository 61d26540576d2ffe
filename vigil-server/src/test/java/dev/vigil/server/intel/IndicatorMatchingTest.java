package dev.vigil.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.Corpus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Indicator feeds end to end: a feed imported over the API, its indicators matched live against ingested events, and
 * each match an alert. The labelled IOC set of the corpus is the oracle.
 */
class IndicatorMatchingTest extends ServerTestBase {

    /** The corpus events name their observables with short keys; senders use the common schema. */
    private static final Map<String, String> ECS = Map.of("src_ip", "source.ip", "dst_ip", "destination.ip",
            "dns_query", "dns.question.name", "http_url", "url.original", "file_hash", "file.hash.sha256",
            "email_from", "email.from.address");
    private static final Pattern KIND = Pattern.compile("\\(([a-z-]+)\\) of feed");

    Api.Response createFeed(String name, String format, Integer confidence) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "format", format, "source", "Vigil Tests"));
        if (confidence != null) {
            body.put("confidence", confidence);
        }
        return api().post("/api/v1/intel/feeds", ADMIN_TOKEN, body);
    }

    Api.Response importInto(String feedId, String contentType, byte[] body) {
        return api().sendBytes("POST", "/api/v1/intel/feeds/" + feedId + "/indicators", ADMIN_TOKEN, contentType,
                HttpRequest.BodyPublishers.ofByteArray(body));
    }

    @Test
    void corpusIndicatorsMatchExactlyTheLabelledEventsThroughIngestAndAlerts() throws IOException {
        Path matching = Corpus.require("ioc-feeds").resolve("matching");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String feedName = "corpus-" + run;
        Api.Response feed = createFeed(feedName, "csv", null);
        assertThat(feed.status()).as(feed.body()).isEqualTo(201);
        String feedId = feed.text("id");
        Api.Response report = importInto(feedId, "text/csv", Files.readAllBytes(matching.resolve("iocs.csv")));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().path("imported").asInt()).isEqualTo(6000);
        assertThat(report.json().path("problems").size()).isZero();

        List<String> lines = Files.readAllLines(matching.resolve("events.jsonl")).subList(0, 2000);
        Map<Integer, TreeSet<String>> expected = new TreeMap<>();
        StringBuilder ndjson = new StringBuilder();
        Instant now = Instant.now();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode event = Api.JSON.readTree(lines.get(i));
            TreeSet<String> labels = new TreeSet<>();
            event.path("expected_matches").forEach(m -> labels.add(m.path("ioc").asString() + " " + m.path("kind").asString()));
            if (!labels.isEmpty()) {
                expected.put(i, labels);
            }
            ObjectNode sent = Api.JSON.createObjectNode();
            sent.put("@timestamp", now.minusMillis(lines.size() - i).toString());
            sent.put("vigil_run", run);
            sent.put("vigil_line", i);
            ECS.forEach((key, field) -> {
                if (event.has(key)) {
                    sent.put(field, event.path(key).asString());
                }
            });
            ndjson.append(Api.JSON.writeValueAsString(sent)).append('\n');
        }
        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(api().get("/api/v1/intel/indicators?value=" + Api.JSON.readTree(lines.get(0)).path("email_from").asString().toLowerCase(),
                ADMIN_TOKEN).json().path(0).path("feed").asString()).isEqualTo(feedName);

        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("ioc-events"), "platform", "json"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> indicatorsLive(6000));
        assertThat(ingest.ndjson(token, ndjson.toString()).statusCode()).isEqualTo(200);
        ingest.awaitCount(ADMIN_TOKEN, "vigil_run:" + run, lines.size());

        Map<String, Integer> lineOf = new HashMap<>();
        for (int from = 0; from < lines.size(); from += 1000) {
            JsonNode page = api().get("/api/v1/events/search?q=vigil_run:" + run + "&from=now-1d&size=1000&offset=" + from,
                    ADMIN_TOKEN).json();
            page.path("events").forEach(e -> lineOf.put(e.path("id").asString(), e.path("fields").path("vigil_line").asInt()));
        }
        assertThat(lineOf).hasSize(lines.size());

        Map<Integer, TreeSet<String>> actual = new TreeMap<>();
        for (int offset = 0; ; offset += 500) {
            JsonNode alerts = api().get("/api/v1/alerts?source=intel&limit=500&offset=" + offset, ADMIN_TOKEN).json();
            for (JsonNode alert : alerts) {
                String ref = alert.path("ruleRef").asString();
                if (!ref.startsWith(feedName + ":")) {
                    continue;
                }
                Matcher kind = KIND.matcher(alert.path("explanation").asString());
                assertThat(kind.find()).as(alert.path("explanation").asString()).isTrue();
                for (JsonNode eventId : alert.path("eventIds")) {
                    Integer line = lineOf.get(eventId.asString());
                    if (line != null) {
                        actual.computeIfAbsent(line, l -> new TreeSet<>()).add(ref.substring(feedName.length() + 1) + " " + kind.group(1));
                    }
                }
            }
            if (alerts.size() < 500) {
                break;
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aTenantFeedMatchesOnlyThatTenantsEventsAndBadFeedsAreRefusedWithTheirLine() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "intel-" + run;
        assertThat(api().post("/api/v1/tenants", ADMIN_TOKEN, Map.of("slug", tenant, "name", "Intel " + run)).status()).isEqualTo(201);
        Api.Response feed = api().post("/api/v1/intel/feeds", ADMIN_TOKEN, Map.of("name", "plain-" + run, "format", "plain",
                "tenant", tenant, "confidence", 90, "source", "Partner CERT"));
        assertThat(feed.status()).as(feed.body()).isEqualTo(201);
        String bad = "evil-" + run + ".example\n198.51.100.77\nnot an indicator at all\n";
        Api.Response report = importInto(feed.text("id"), "text/plain", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(report.json().path("imported").asInt()).isEqualTo(2);
        assertThat(report.json().path("problems").get(0).asString()).startsWith("line 3:");

        Api.Response csv = createFeed("csv-" + run, "csv", 40);
        Api.Response noColumns = importInto(csv.text("id"), "text/csv", "value,kind\nx,y\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(noColumns.assertProblem(400).detail()).contains("upload:1:");
        assertThat(createFeed("csv-" + run, "csv", null).assertProblem(409).status()).isEqualTo(409);
        assertThat(api().post("/api/v1/intel/feeds", ADMIN_TOKEN, Map.of("name", "x-" + run, "format", "xml")).assertProblem(400)
                .detail()).contains("format");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api().get("/api/v1/intel/indicators?value=198.51.100.77", ADMIN_TOKEN)
                .json().size() == 1 && indicatorsLive(2));
        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String tenantToken = ingest.createToken(ingest.createHttpInput(unique("t-dns"), tenant, "json"));
        String platformToken = ingest.createToken(ingest.createHttpInput(unique("p-dns"), "platform", "json"));
        String event = "{\"dns\":{\"question\":{\"name\":\"www.evil-" + run + ".example\"}},\"host\":{\"name\":\"%s\"}}\n";
        ingest.ndjson(platformToken, event.formatted("plat-" + run));
        ingest.ndjson(tenantToken, event.formatted("tenant-" + run));
        ingest.awaitCount(ADMIN_TOKEN, "host.name:plat-" + run, 1);
        ingest.awaitCount(ADMIN_TOKEN, "host.name:tenant-" + run, 1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode alerts = api().get("/api/v1/alerts?source=intel&rule=plain-" + run + ":plain-" + run + ":1", ADMIN_TOKEN).json();
            assertThat(alerts.size()).isEqualTo(1);
            assertThat(alerts.get(0).path("tenant").asString()).isEqualTo(tenant);
            assertThat(alerts.get(0).path("severity").asString()).isEqualTo("high");
            assertThat(alerts.get(0).path("author").asString()).isEqualTo("Partner CERT");
            assertThat(alerts.get(0).path("explanation").asString()).contains("domain-subdomain");
        });

        Instant now = Instant.now();
        Api.Response hunt = api().post("/api/v1/intel/retro-hunts", ADMIN_TOKEN, Map.of("values", List.of("evil-" + run + ".example"),
                "from", now.minus(Duration.ofHours(1)).toString(), "to", now.plus(Duration.ofMinutes(1)).toString()));
        assertThat(hunt.status()).as(hunt.body()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode state = api().get("/api/v1/intel/retro-hunts/" + hunt.text("id"), ADMIN_TOKEN).json();
            assertThat(state.path("status").asString()).isEqualTo("done");
            assertThat(state.path("matched").asLong()).isEqualTo(2);
            assertThat(state.path("hits").get(0).path("detail").asString()).contains("domain-subdomain");
        });
        assertThat(api().post("/api/v1/intel/retro-hunts", ADMIN_TOKEN, Map.of("values", List.of("no such thing"),
                "from", now.minusSeconds(60).toString(), "to", now.toString())).assertProblem(400).detail()).contains("values[0]");
    }

    private boolean indicatorsLive(int atLeast) {
        return api().get("/api/v1/intel/status", ADMIN_TOKEN).json().path("liveIndicators").asInt() >= atLeast;
    }
}
