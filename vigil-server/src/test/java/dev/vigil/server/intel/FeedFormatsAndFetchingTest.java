package dev.vigil.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.Corpus;
import dev.vigil.testkit.TaxiiTestServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Feed formats beyond CSV and plain lists (STIX 2.1 bundles, MISP feeds, abuse.ch CSV, ThreatFox JSON), feeds fetched
 * from a URL on a schedule with conditional requests, and TAXII 2.1 collections polled from a server the test starts.
 */
class FeedFormatsAndFetchingTest extends ServerTestBase {

    private Api.Response createFeed(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.putIfAbsent("source", "Vigil Tests");
        return api().post("/api/v1/intel/feeds", ADMIN_TOKEN, body);
    }

    private String feed(String format, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("name", unique(format));
        body.put("format", format);
        Api.Response created = createFeed(body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private JsonNode upload(String feedId, String contentType, byte[] body) {
        Api.Response report = api().sendBytes("POST", "/api/v1/intel/feeds/" + feedId + "/indicators", ADMIN_TOKEN, contentType,
                HttpRequest.BodyPublishers.ofByteArray(body));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json();
    }

    private JsonNode lookup(String value) {
        return api().get("/api/v1/intel/indicators?value=" + value, ADMIN_TOKEN).json();
    }

    @Test
    void stixBundlesImportWhatTheMatcherEvaluatesAndReportTheRestWithTheReason() throws IOException {
        Path bundles = Corpus.require("stix-2.1").resolve("bundles");
        String feedId = feed("stix", Map.of("tlp", "TLP:AMBER", "confidence", 70));
        JsonNode report = upload(feedId, "application/json",
                Files.readAllBytes(bundles.resolve("oasis-cti-documentation/apt1.json")));
        // apt1.json: 12 indicators; 10 compare IPv4 addresses, domains and file hashes, 2 compare x509 certificate fields.
        assertThat(report.path("imported").asInt()).isEqualTo(10);
        assertThat(report.path("skipped").asInt()).isEqualTo(2);
        assertThat(report.path("problems")).allSatisfy(p -> assertThat(p.asString()).startsWith("indicator--").contains("x509"));
        JsonNode feed = api().get("/api/v1/intel/feeds/" + feedId, ADMIN_TOKEN).json();
        assertThat(feed.path("tlp").asString()).isEqualTo("amber");
        assertThat(feed.path("indicatorCount").asInt()).isEqualTo(10);

        JsonNode indicators = api().get("/api/v1/intel/feeds/" + feedId + "/indicators?limit=100", ADMIN_TOKEN).json();
        assertThat(indicators).hasSize(10).allSatisfy(i -> {
            assertThat(i.path("ref").asString()).startsWith("indicator--");
            assertThat(i.path("description").asString()).isNotBlank();
        });

        String poisonIvy = feed("stix", Map.of());
        JsonNode ivy = upload(poisonIvy, "application/stix+json",
                Files.readAllBytes(bundles.resolve("oasis-cti-documentation/poisonivy.json")));
        // Two indicators compare file:name (no indicator table) and one has the domain 'domain autuo.xicp.net'.
        assertThat(ivy.path("skipped").asInt()).isEqualTo(3);
        assertThat(ivy.path("problems").toString()).contains("file:name").contains("autuo.xicp.net");
        // Patterns joining several values by OR become one indicator per value, referenced <id>#n.
        assertThat(api().get("/api/v1/intel/feeds/" + poisonIvy + "/indicators?limit=1000", ADMIN_TOKEN).json())
                .anySatisfy(i -> assertThat(i.path("ref").asString()).matches("indicator--[0-9a-f-]+#2"));

        String revoking = feed("stix", Map.of());
        String bundle = """
                {"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[
                 {"type":"indicator","spec_version":"2.1","id":"indicator--11111111-1111-4111-8111-111111111111","name":"C2 host",
                  "created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z","valid_from":"2026-01-01T00:00:00Z",
                  "valid_until":"2099-01-01T00:00:00Z","pattern_type":"stix","pattern":"[domain-name:value = 'c2.stix-import.test']"},
                 {"type":"indicator","spec_version":"2.1","id":"indicator--22222222-2222-4222-8222-222222222222",
                  "created":"2026-01-01T00:00:00Z","modified":"2026-01-02T00:00:00Z","valid_from":"2026-01-01T00:00:00Z",
                  "revoked":true,"pattern_type":"stix","pattern":"[domain-name:value = 'revoked.stix-import.test']"},
                 {"type":"indicator","spec_version":"2.1","id":"indicator--33333333-3333-4333-8333-333333333333",
                  "created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z","valid_from":"2026-01-01T00:00:00Z",
                  "pattern_type":"stix","pattern":"[file:name = 'x.exe'] FOLLOWEDBY [domain-name:value = 'later.stix-import.test'] WITHIN 60 SECONDS"},
                 {"type":"indicator","spec_version":"2.1","id":"indicator--44444444-4444-4444-8444-444444444444",
                  "created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z","valid_from":"2026-01-01T00:00:00Z",
                  "pattern_type":"sigma","pattern":"title: x"}]}""";
        JsonNode mixed = upload(revoking, "application/json", bundle.getBytes(StandardCharsets.UTF_8));
        assertThat(mixed.path("imported").asInt()).isEqualTo(1);
        assertThat(mixed.path("revoked").asInt()).isEqualTo(1);
        assertThat(mixed.path("problems").toString()).contains("indicator--33333333").contains("indicator--44444444")
                .contains("pattern_type 'sigma'");
        assertThat(lookup("c2.stix-import.test").get(0).path("validUntil").asString()).startsWith("2099-01-01");
        assertThat(lookup("revoked.stix-import.test")).isEmpty();

        assertThat(api().sendBytes("POST", "/api/v1/intel/feeds/" + revoking + "/indicators", ADMIN_TOKEN, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"type\":\"indicator\"}")).assertProblem(400).detail())
                .contains("not a STIX bundle");
    }

    @Test
    void mispZipAbuseChCsvAndThreatFoxJsonUploads() throws IOException {
        Path formats = Corpus.require("ioc-feeds").resolve("formats");
        String misp = feed("misp", Map.of("expiresAfterDays", 0));
        JsonNode report = upload(misp, "application/zip", zip(formats.resolve("misp-feed"), "feed/"));
        assertThat(report.path("imported").asInt()).isEqualTo(60);
        assertThat(report.path("skipped").asInt()).isZero();
        JsonNode indicator = api().get("/api/v1/intel/feeds/" + misp + "/indicators?limit=1", ADMIN_TOKEN).json().get(0);
        assertThat(indicator.path("validUntil").isNull()).isTrue();
        assertThat(indicator.path("description").asString()).isNotBlank();

        ByteArrayOutputStream evil = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(evil)) {
            out.putNextEntry(new ZipEntry("../../etc/cron.d/x"));
            out.write(1);
        }
        assertThat(api().sendBytes("POST", "/api/v1/intel/feeds/" + misp + "/indicators", ADMIN_TOKEN, "application/zip",
                HttpRequest.BodyPublishers.ofByteArray(evil.toByteArray())).assertProblem(400).detail()).contains("no manifest.json");
        assertThat(api().sendBytes("POST", "/api/v1/intel/feeds/" + misp + "/indicators", ADMIN_TOKEN, "application/zip",
                HttpRequest.BodyPublishers.ofString("not a zip")).assertProblem(400).detail()).contains("zip");
        assertThat(api().get("/api/v1/intel/feeds/" + misp, ADMIN_TOKEN).json().path("indicatorCount").asInt()).isEqualTo(60);

        String urlhaus = feed("abusech-csv", Map.of());
        JsonNode urls = upload(urlhaus, "text/csv", Files.readAllBytes(formats.resolve("urlhaus_csv_recent.synthetic.csv")));
        assertThat(urls.path("imported").asInt()).isGreaterThan(0);
        assertThat(urls.path("skipped").asInt()).isZero();
        String feodo = feed("abusech-csv", Map.of());
        assertThat(upload(feodo, "text/csv", Files.readAllBytes(formats.resolve("feodo_ipblocklist.synthetic.csv")))
                .path("imported").asInt()).isGreaterThan(0);
        String threatfox = feed("threatfox-json", Map.of());
        JsonNode fox = upload(threatfox, "application/json", Files.readAllBytes(formats.resolve("threatfox_api_get_iocs.synthetic.json")));
        assertThat(fox.path("imported").asInt()).isGreaterThan(0);
        assertThat(api().sendBytes("POST", "/api/v1/intel/feeds/" + threatfox + "/indicators", ADMIN_TOKEN, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"query_status\":\"no_result\"}")).assertProblem(400).detail())
                .contains("ThreatFox");

        assertThat(createFeed(Map.of("name", unique("bad"), "format", "xml")).assertProblem(400).detail()).contains("taxii");
        assertThat(createFeed(Map.of("name", unique("bad"), "format", "taxii")).assertProblem(400).detail()).contains("URL");
        assertThat(createFeed(Map.of("name", unique("bad"), "format", "csv", "url", "file:///etc/passwd")).assertProblem(400)
                .detail()).contains("http");
        assertThat(createFeed(Map.of("name", unique("bad"), "format", "csv", "tlp", "purple")).assertProblem(400).detail())
                .contains("tlp");
    }

    @Test
    void urlFeedsAreFetchedOnScheduleWithConditionalRequestsAndFailuresAreRecorded() throws IOException {
        String run = unique("u").replace('_', '-').toLowerCase();
        AtomicReference<String> list = new AtomicReference<>("bad-" + run + ".example\n198.51.100.201\n");
        AtomicInteger status = new AtomicInteger(200);
        List<String> conditional = new CopyOnWriteArrayList<>();
        List<String> credentials = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/list.txt", exchange -> {
            try (exchange) {
                String etag = "\"" + Integer.toHexString(list.get().hashCode()) + "\"";
                String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
                conditional.add(String.valueOf(ifNoneMatch));
                credentials.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key")));
                if (status.get() != 200) {
                    exchange.sendResponseHeaders(status.get(), -1);
                } else if (etag.equals(ifNoneMatch)) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    byte[] body = list.get().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        });
        Path mispDir = Corpus.require("ioc-feeds").resolve("formats").resolve("misp-feed");
        server.createContext("/misp/", exchange -> {
            try (exchange) {
                Path file = mispDir.resolve(exchange.getRequestURI().getPath().substring("/misp/".length()));
                if (!Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String feedId = feed("plain", Map.of("url", base + "/list.txt", "pollMinutes", 1, "authHeader", "X-Api-Key",
                    "authValue", "k3y-" + run));
            JsonNode created = api().get("/api/v1/intel/feeds/" + feedId, ADMIN_TOKEN).json();
            assertThat(created.path("authenticated").asBoolean()).isTrue();
            assertThat(created.toString()).doesNotContain("k3y-" + run);

            // The schedule fetches a new feed at once, then every pollMinutes.
            Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> api().get("/api/v1/intel/feeds/" + feedId, ADMIN_TOKEN)
                    .json().path("indicatorCount").asInt() == 2);
            JsonNode polled = api().get("/api/v1/intel/feeds/" + feedId, ADMIN_TOKEN).json();
            assertThat(polled.path("lastPollOutcome").asString()).isEqualTo("imported");
            assertThat(Instant.parse(polled.path("nextPollAt").asString()))
                    .isAfter(Instant.parse(polled.path("lastPolledAt").asString()).plusSeconds(59));
            assertThat(credentials).first().isEqualTo("k3y-" + run);

            JsonNode again = api().post("/api/v1/intel/feeds/" + feedId + "/poll", ADMIN_TOKEN, Map.of()).json();
            assertThat(again.path("outcome").asString()).isEqualTo("not-modified");
            assertThat(conditional.getLast()).startsWith("\"");

            list.set("bad-" + run + ".example\n198.51.100.201\n198.51.100.202\n");
            JsonNode changed = api().post("/api/v1/intel/feeds/" + feedId + "/poll", ADMIN_TOKEN, Map.of()).json();
            assertThat(changed.path("outcome").asString()).isEqualTo("imported");
            assertThat(changed.path("report").path("imported").asInt()).isEqualTo(3);

            status.set(503);
            JsonNode failed = api().post("/api/v1/intel/feeds/" + feedId + "/poll", ADMIN_TOKEN, Map.of()).json();
            assertThat(failed.path("outcome").asString()).isEqualTo("failed");
            assertThat(failed.path("error").asString()).contains("HTTP 503");
            JsonNode afterFailure = api().get("/api/v1/intel/feeds/" + feedId, ADMIN_TOKEN).json();
            assertThat(afterFailure.path("lastError").asString()).contains("HTTP 503");
            assertThat(afterFailure.path("consecutiveFailures").asInt()).isEqualTo(1);
            assertThat(afterFailure.path("indicatorCount").asInt()).isEqualTo(3);

            status.set(200);
            list.set("<html>Service moved</html>\n");
            JsonNode garbage = api().post("/api/v1/intel/feeds/" + feedId + "/poll", ADMIN_TOKEN, Map.of()).json();
            assertThat(garbage.path("outcome").asString()).isEqualTo("failed");
            assertThat(garbage.path("error").asString()).contains("nothing readable").contains("kept");
            assertThat(api().get("/api/v1/intel/feeds/" + feedId, ADMIN_TOKEN).json().path("indicatorCount").asInt()).isEqualTo(3);

            String misp = feed("misp", Map.of("url", base + "/misp/", "pollMinutes", 0));
            JsonNode mispPoll = api().post("/api/v1/intel/feeds/" + misp + "/poll", ADMIN_TOKEN, Map.of()).json();
            assertThat(mispPoll.path("outcome").asString()).as(mispPoll.toString()).isEqualTo("imported");
            assertThat(mispPoll.path("report").path("imported").asInt()).isEqualTo(60);

            String uploadOnly = feed("csv", Map.of());
            assertThat(api().post("/api/v1/intel/feeds/" + uploadOnly + "/poll", ADMIN_TOKEN, Map.of()).assertProblem(400).detail())
                    .contains("no URL");
            Api.Response updated = api().put("/api/v1/intel/feeds/" + feedId, ADMIN_TOKEN, Map.of("pollMinutes", 0, "tlp", "green",
                    "authValue", ""));
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            assertThat(updated.json().path("nextPollAt").isNull()).isTrue();
            assertThat(updated.json().path("authenticated").asBoolean()).isFalse();
            assertThat(api().put("/api/v1/intel/feeds/" + feedId, ADMIN_TOKEN, Map.of("format", "csv")).assertProblem(400).detail())
                    .contains("cannot be changed");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void taxiiCollectionsArePolledForNewObjectsAndRevocationsRemoveIndicators() throws IOException {
        String run = unique("t").replace('_', '-').toLowerCase();
        try (TaxiiTestServer taxii = new TaxiiTestServer("91a7b528-80eb-42ed-a74d-c6fbd5a26116", 2, "partner-" + run)) {
            Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
            for (int i = 1; i <= 3; i++) {
                taxii.add(t0.plusSeconds(i), indicator(i, "host" + i + "." + run + ".test", false));
            }
            taxii.add(t0.plusSeconds(4), indicatorWithPattern(9, "[process:name = 'evil.exe']"));
            String feedId = feed("taxii", Map.of("url", taxii.collection().toString(), "pollMinutes", 0,
                    "authValue", "Bearer partner-" + run));
            JsonNode first = api().post("/api/v1/intel/feeds/" + feedId + "/poll", ADMIN_TOKEN, Map.of()).json();
            assertThat(first.path("outcome").asString()).as(first.toString()).isEqualTo("imported");
            assertThat(first.path("report").path("imported").asInt()).isEqualTo(3);
            assertThat(first.path("report").path("problems").get(0).asString()).contains("process:name");
            assertThat(taxii.objectRequests()).containsExactly("", "next=2");
            assertThat(lookup("host2." + run + ".test")).hasSize(1);

            taxii.add(t0.plusSeconds(5), indicator(2, "host2." + run + ".test", true));
            taxii.add(t0.plusSeconds(6), indicator(5, "host5." + run + ".test", false));
            JsonNode second = api().post("/api/v1/intel/feeds/" + feedId + "/poll", ADMIN_TOKEN, Map.of()).json();
            assertThat(second.path("report").path("imported").asInt()).isEqualTo(1);
            assertThat(second.path("report").path("revoked").asInt()).isEqualTo(1);
            assertThat(taxii.objectRequests().getLast()).isEqualTo("added_after=2026-02-01T00%3A00%3A04Z");
            assertThat(lookup("host2." + run + ".test")).isEmpty();
            assertThat(api().get("/api/v1/intel/feeds/" + feedId, ADMIN_TOKEN).json().path("indicatorCount").asInt()).isEqualTo(3);

            JsonNode third = api().post("/api/v1/intel/feeds/" + feedId + "/poll", ADMIN_TOKEN, Map.of()).json();
            assertThat(third.path("outcome").asString()).isEqualTo("not-modified");

            String unauthorized = feed("taxii", Map.of("url", taxii.collection().toString(), "pollMinutes", 0));
            JsonNode refused = api().post("/api/v1/intel/feeds/" + unauthorized + "/poll", ADMIN_TOKEN, Map.of()).json();
            assertThat(refused.path("outcome").asString()).isEqualTo("failed");
            assertThat(refused.path("error").asString()).contains("HTTP 401");
            assertThat(api().sendBytes("POST", "/api/v1/intel/feeds/" + feedId + "/indicators", ADMIN_TOKEN, "application/json",
                    HttpRequest.BodyPublishers.ofString("{}")).assertProblem(400).detail()).contains("polled");
        }
    }

    private static String indicator(int n, String domain, boolean revoked) {
        return """
                {"type":"indicator","spec_version":"2.1","id":"indicator--00000000-0000-4000-8000-%012d","name":"C2 %d",
                 "created":"2026-02-01T00:00:00Z","modified":"2026-02-0%dT00:00:00Z","valid_from":"2026-02-01T00:00:00Z",
                 "revoked":%s,"pattern_type":"stix","pattern":"[domain-name:value = '%s']"}"""
                .formatted(n, n, revoked ? 2 : 1, revoked, domain);
    }

    private static String indicatorWithPattern(int n, String pattern) {
        return """
                {"type":"indicator","spec_version":"2.1","id":"indicator--00000000-0000-4000-8000-%012d",
                 "created":"2026-02-01T00:00:00Z","modified":"2026-02-01T00:00:00Z","valid_from":"2026-02-01T00:00:00Z",
                 "pattern_type":"stix","pattern":"%s"}""".formatted(n, pattern);
    }

    /** The files of a directory as a zip, each under {@code prefix} (feeds are often zipped with their folder). */
    private static byte[] zip(Path directory, String prefix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                out.putNextEntry(new ZipEntry(prefix + file.getFileName()));
                out.write(Files.readAllBytes(file));
            }
        }
        return bytes.toByteArray();
    }
}
