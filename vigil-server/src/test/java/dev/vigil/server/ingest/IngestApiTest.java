package dev.vigil.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Events over HTTP end to end: inputs, ingest tokens, NDJSON, JSON, gzip, the _bulk endpoint, search and its errors. */
class IngestApiTest extends ServerTestBase {

    private IngestClient ingest() {
        return new IngestClient(api(), ADMIN_TOKEN);
    }

    @Test
    void ndjsonEventsAreStoredSearchableAndCountedEvenWhenALineDoesNotParse() {
        IngestClient ingest = ingest();
        String input = ingest.createHttpInput(unique("web"), "platform", "json");
        String token = ingest.createToken(input);
        String run = UUID.randomUUID().toString();
        String body = """
                {"@timestamp":"2026-11-29T10:00:00Z","message":"first","test":{"run":"%1$s"},"user":{"name":"alice"}}
                {"@timestamp":"2026-11-29T10:00:01Z","message":"second","test":{"run":"%1$s"},"http":{"response":{"status_code":503}}}

                this line is not json %1$s
                """.formatted(run);

        HttpResponse<String> response = ingest.ndjson(token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Api.JSON.readTree(response.body()).path("accepted").asInt()).isEqualTo(3);

        ingest.awaitCount(ADMIN_TOKEN, "test.run:" + run, 2);
        assertThat(ingest.count(ADMIN_TOKEN, "test.run:" + run + " AND user.name:alice")).isEqualTo(1);
        assertThat(ingest.count(ADMIN_TOKEN, "test.run:" + run + " AND http.response.status_code:[500 TO 599]")).isEqualTo(1);
        ingest.awaitCount(ADMIN_TOKEN, "tags:parse-error AND \"" + run + "\"", 1);

        Api.Response search = api().get("/api/v1/events/search?q=" + enc("test.run:" + run)
                + "&from=2026-11-29T00:00:00Z&to=2026-11-30T00:00:00Z&size=10", ADMIN_TOKEN);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().path("total").asLong()).isEqualTo(2);
        JsonNode newest = search.json().path("events").get(0);
        assertThat(newest.path("fields").path("message").asString()).isEqualTo("second");
        assertThat(newest.path("timestamp").asString()).isEqualTo("2026-11-29T10:00:01Z");
        assertThat(newest.path("inputId").asString()).isEqualTo(input);
        assertThat(newest.path("original").asString()).contains("\"second\"");

        Api.Response one = api().get("/api/v1/events/" + newest.path("id").asString(), ADMIN_TOKEN);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("fields").path("input.name").asString()).isNotBlank();

        Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode health = healthOf(input);
            assertThat(health.path("events").asLong()).isEqualTo(3);
            assertThat(health.path("parseErrors").asLong()).isEqualTo(1);
            assertThat(health.path("status").asString()).isEqualTo("active");
            assertThat(health.path("lastSeenAt").isNull()).isFalse();
        });
    }

    @Test
    void jsonArraysAndGzipBodiesAreAccepted() {
        IngestClient ingest = ingest();
        String token = ingest.createToken(ingest.createHttpInput(unique("arr"), "platform", "json"));
        String run = UUID.randomUUID().toString();
        String array = "[{\"message\":\"a\",\"run\":\"%1$s\"},{\"message\":\"b\",\"run\":\"%1$s\"}]".formatted(run);
        HttpResponse<String> json = ingest.post("/api/v1/ingest/json", "Bearer " + token, array.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains("\"accepted\":2");

        String lines = "{\"message\":\"c\",\"run\":\"%1$s\"}\n{\"message\":\"d\",\"run\":\"%1$s\"}\n".formatted(run);
        HttpResponse<String> gzipped = ingest.post("/api/v1/ingest/ndjson", "Bearer " + token, IngestClient.gzip(lines),
                Map.of("Content-Encoding", "gzip"));
        assertThat(gzipped.statusCode()).as(gzipped.body()).isEqualTo(200);
        assertThat(gzipped.body()).contains("\"accepted\":2");
        ingest.awaitCount(ADMIN_TOKEN, "run:" + run, 4);

        HttpResponse<String> notJson = ingest.post("/api/v1/ingest/json", "Bearer " + token, "[{\"a\":".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not JSON");
        HttpResponse<String> badGzip = ingest.post("/api/v1/ingest/ndjson", "Bearer " + token, "plain".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Encoding", "gzip"));
        assertThat(badGzip.statusCode()).isEqualTo(400);
        HttpResponse<String> brotli = ingest.post("/api/v1/ingest/ndjson", "Bearer " + token, "x".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Encoding", "br"));
        assertThat(brotli.statusCode()).isEqualTo(415);
    }

    @Test
    void cloudAuditBatchesBecomeOneEventPerRecord() {
        IngestClient ingest = ingest();
        String token = ingest.createToken(ingest.createHttpInput(unique("trail"), "platform", "json"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String record = "{\"eventVersion\":\"1.09\",\"eventTime\":\"2026-11-29T10:0%d:00Z\",\"eventSource\":\"s3.amazonaws.com\","
                + "\"eventName\":\"%s\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"203.0.113.9\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"trail-%s\"},\"requestParameters\":{\"bucketName\":\"b\"}}";
        // a CloudTrail log file as S3 holds it: one object, the records in Records
        String file = "{\"Records\":[" + record.formatted(1, "GetObject", run) + "," + record.formatted(2, "PutObject", run) + "]}";

        HttpResponse<String> json = ingest.post("/api/v1/ingest/json", "Bearer " + token, file.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains("\"accepted\":2");
        String lines = file + "\n" + record.formatted(3, "DeleteObject", run) + "\n{\"Records\":[]}\n";
        HttpResponse<String> ndjson = ingest.post("/api/v1/ingest/ndjson", "Bearer " + token, IngestClient.gzip(lines),
                Map.of("Content-Encoding", "gzip"));
        assertThat(ndjson.statusCode()).as(ndjson.body()).isEqualTo(200);
        assertThat(ndjson.body()).contains("\"accepted\":3");

        ingest.awaitCount(ADMIN_TOKEN, "user.name:trail-" + run, 5);
        assertThat(ingest.count(ADMIN_TOKEN, "user.name:trail-" + run + " AND event.dataset:\"aws.cloudtrail\"")).isEqualTo(5);
        assertThat(ingest.count(ADMIN_TOKEN, "user.name:trail-" + run + " AND event.action:PutObject")).isEqualTo(2);
    }

    @Test
    void elasticsearchCompatibleBulkTakesBasicAndApiKeyAuthAndAnswersPerItem() {
        IngestClient ingest = ingest();
        String token = ingest.createToken(ingest.createHttpInput(unique("bulk"), "platform", "json"));
        String run = UUID.randomUUID().toString();

        var get = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api().base() + "/api/v1/ingest/es"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("filebeat:" + token).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            var answer = java.net.http.HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Elastic-Product")).contains("Elasticsearch");
            assertThat(Api.JSON.readTree(answer.body()).path("version").path("number").asString()).startsWith("8.");
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        String bulk = """
                {"index":{"_index":"logs-a"}}
                {"@timestamp":"2026-11-29T11:00:00Z","message":"one","run":"%1$s"}
                {"create":{"_index":"logs-a","_id":"given-id"}}
                {"@timestamp":"2026-11-29T11:00:01Z","message":"two","run":"%1$s"}
                {"delete":{"_index":"logs-a","_id":"x"}}
                """.formatted(run);
        String apiKey = "ApiKey " + Base64.getEncoder().encodeToString(("id1:" + token).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = ingest.post("/_bulk", apiKey, bulk.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = Api.JSON.readTree(response.body());
        assertThat(answer.path("errors").asBoolean()).isTrue();
        assertThat(answer.path("items")).hasSize(3);
        assertThat(answer.path("items").get(0).path("index").path("status").asInt()).isEqualTo(201);
        assertThat(answer.path("items").get(1).path("create").path("_id").asString()).isEqualTo("given-id");
        assertThat(answer.path("items").get(2).path("delete").path("status").asInt()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Elastic-Product")).contains("Elasticsearch");
        ingest.awaitCount(ADMIN_TOKEN, "run:" + run, 2);
    }

    @Test
    void ingestEndpointsTakeOnlyValidIngestTokens() {
        IngestClient ingest = ingest();
        String input = ingest.createHttpInput(unique("auth"), "platform", "json");
        String token = ingest.createToken(input);
        byte[] line = "{\"message\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ingest.post("/api/v1/ingest/ndjson", null, line, Map.of()).statusCode()).isEqualTo(401);
        assertThat(ingest.post("/api/v1/ingest/ndjson", "Bearer vgi_" + "x".repeat(43), line, Map.of()).statusCode()).isEqualTo(401);
        HttpResponse<String> userToken = ingest.post("/api/v1/ingest/ndjson", "Bearer " + ADMIN_TOKEN, line, Map.of());
        assertThat(userToken.statusCode()).isEqualTo(403);
        assertThat(userToken.body()).contains("ingest token");

        List<JsonNode> listed = api().get("/api/v1/ingest/tokens?input=" + input, ADMIN_TOKEN).json().valueStream().toList();
        assertThat(listed).hasSize(1);
        assertThat(listed.getFirst().toString()).doesNotContain(token);
        Api.Response revoked = api().delete("/api/v1/ingest/tokens/" + listed.getFirst().path("id").asString(), ADMIN_TOKEN);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(ingest.post("/api/v1/ingest/ndjson", "Bearer " + token, line, Map.of()).statusCode()).isEqualTo(401);

        String other = ingest.createToken(input);
        assertThat(api().patch("/api/v1/ingest/inputs/" + input, ADMIN_TOKEN, Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(ingest.post("/api/v1/ingest/ndjson", "Bearer " + other, line, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void aTenantScopedReaderSeesOnlyItsTenantsEvents() {
        IngestClient ingest = ingest();
        String slugA = unique("acme");
        String slugB = unique("globex");
        UUID tenantA = api().createTenant(ADMIN_TOKEN, slugA);
        api().createTenant(ADMIN_TOKEN, slugB);
        String run = UUID.randomUUID().toString();
        for (String slug : List.of(slugA, slugB)) {
            String token = ingest.createToken(ingest.createHttpInput(unique("in-" + slug), slug, "json"));
            assertThat(ingest.ndjson(token, "{\"message\":\"m\",\"run\":\"" + run + "\"}\n").statusCode()).isEqualTo(200);
        }
        ingest.awaitCount(ADMIN_TOKEN, "run:" + run, 2);

        String role = unique("tenant-reader");
        assertThat(api().post("/api/v1/roles", ADMIN_TOKEN, Map.of("name", role, "description", "reads its tenant's events",
                "permissions", List.of("event:read:own-tenant"))).status()).isEqualTo(201);
        String username = unique("reader");
        api().createUser(ADMIN_TOKEN, username, PASSWORD, List.of(role), tenantA);
        String reader = api().login(username, PASSWORD);

        assertThat(ingest.count(reader, "run:" + run)).isEqualTo(1);
        Api.Response search = api().get("/api/v1/events/search?q=" + enc("run:" + run), reader);
        assertThat(search.json().path("events").get(0).path("tenant").asString()).isEqualTo(slugA);
        Api.Response terms = api().get("/api/v1/events/terms?field=run&q=" + enc("run:" + run), reader);
        assertThat(terms.status()).isEqualTo(200);
        assertThat(terms.json().path("terms").get(0).path("count").asLong()).isEqualTo(1);
    }

    @Test
    void badSearchesGetAClearFourHundred() {
        assertThat(api().get("/api/v1/events/search?q=" + enc("user.name:(unclosed"), ADMIN_TOKEN).assertProblem(400).problemCode())
                .isEqualTo("invalid-query");
        assertThat(api().get("/api/v1/events/search?size=5000", ADMIN_TOKEN).assertProblem(400).detail()).contains("size");
        assertThat(api().get("/api/v1/events/search?offset=9990&size=50", ADMIN_TOKEN).assertProblem(400).detail()).contains("10000");
        assertThat(api().get("/api/v1/events/search?from=yesterday", ADMIN_TOKEN).assertProblem(400).detail()).contains("from");
        assertThat(api().get("/api/v1/events/count?from=now-1h&to=now-2h", ADMIN_TOKEN).assertProblem(400).detail()).contains("before");
        assertThat(api().get("/api/v1/events/histogram?from=now-30d&interval=1s", ADMIN_TOKEN).assertProblem(400).detail()).contains("buckets");
        assertThat(api().get("/api/v1/events/terms", ADMIN_TOKEN).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/events/no-such-event", ADMIN_TOKEN).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/ingest/inputs", ADMIN_TOKEN, Map.of("name", "x", "type", "kafka")).assertProblem(400).detail())
                .contains("type");
        assertThat(api().post("/api/v1/ingest/inputs", ADMIN_TOKEN, Map.of("name", unique("s"), "type", "syslog",
                "sources", List.of("not-an-ip"))).assertProblem(400).detail()).contains("not-an-ip");
        assertThat(api().post("/api/v1/tenants", ADMIN_TOKEN, Map.of("slug", "platform", "name", "Not a tenant")).assertProblem(400)
                .problemCode()).isEqualTo("reserved-slug");
        assertThat(api().post("/api/v1/ingest/inputs", ADMIN_TOKEN, Map.of("name", unique("t"), "type", "http",
                "tenant", "no-such-tenant")).assertProblem(400).detail()).contains("no-such-tenant");
    }

    @Test
    void histogramAndSavedSearches() {
        IngestClient ingest = ingest();
        String token = ingest.createToken(ingest.createHttpInput(unique("hist"), "platform", "json"));
        String run = UUID.randomUUID().toString();
        StringBuilder body = new StringBuilder();
        for (int minute = 0; minute < 3; minute++) {
            for (int i = 0; i <= minute; i++) {
                body.append("{\"@timestamp\":\"2026-11-28T08:0%d:%02dZ\",\"run\":\"%s\"}\n".formatted(minute, i, run));
            }
        }
        assertThat(ingest.ndjson(token, body.toString()).statusCode()).isEqualTo(200);
        ingest.awaitCount(ADMIN_TOKEN, "run:" + run, 6);
        Api.Response histogram = api().get("/api/v1/events/histogram?q=" + enc("run:" + run)
                + "&from=2026-11-28T08:00:00Z&to=2026-11-28T08:05:00Z&interval=1m", ADMIN_TOKEN);
        assertThat(histogram.status()).as(histogram.body()).isEqualTo(200);
        assertThat(histogram.json().path("buckets").valueStream().map(b -> b.path("count").asLong()).toList())
                .containsExactly(1L, 2L, 3L, 0L, 0L);
        Api.Response cardinality = api().get("/api/v1/events/cardinality?field=run&q=" + enc("run:" + run), ADMIN_TOKEN);
        assertThat(cardinality.json().path("cardinality").asLong()).isEqualTo(1);

        String name = unique("failed logins");
        Api.Response saved = api().post("/api/v1/events/saved-searches", ADMIN_TOKEN, Map.of("name", name,
                "query", "event.outcome:failure", "timeRange", "7d", "shared", true));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(api().get("/api/v1/events/saved-searches", ADMIN_TOKEN).body()).contains(name);
        Api.Response duplicate = api().post("/api/v1/events/saved-searches", ADMIN_TOKEN, Map.of("name", name, "query", "x"));
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
        assertThat(api().post("/api/v1/events/saved-searches", ADMIN_TOKEN, Map.of("name", unique("n"), "query", "x",
                "timeRange", "soon")).status()).isEqualTo(400);
        assertThat(api().delete("/api/v1/events/saved-searches/" + saved.text("id"), ADMIN_TOKEN).status()).isEqualTo(204);
    }

    private JsonNode healthOf(String inputId) {
        return api().get("/api/v1/ingest/health", ADMIN_TOKEN).json().valueStream()
                .filter(h -> h.path("inputId").asString().equals(inputId)).findFirst().orElseThrow();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
