package dev.vigil.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The allowlist (shipped resolvers plus own domains and ranges) suppresses indicators and says which; an analyst's
 * false-positive verdict removes a value from matching in every feed until it is lifted.
 */
class IndicatorLifecycleTest extends ServerTestBase {

    @Test
    void allowlistSuppressesAndSaysWhichAndAFalsePositiveIsMatchedNowhere() {
        String run = unique("lc").replace('_', '-').toLowerCase();
        String own = run + "-corp.example";
        int octet = 1 + (int) (Math.abs((long) run.hashCode()) % 250);
        String ip = "198.18." + octet + ".77";
        Api.Response feed = api().post("/api/v1/intel/feeds", ADMIN_TOKEN, Map.of("name", "lc-" + run, "format", "plain", "confidence", 90));
        assertThat(feed.status()).as(feed.body()).isEqualTo(201);
        String body = "8.8.8.8\nevil-" + run + ".example\n" + ip + "\nmail." + own + "\n";
        Api.Response second = api().post("/api/v1/intel/feeds", ADMIN_TOKEN, Map.of("name", "lc2-" + run, "format", "plain"));
        for (String id : new String[] {feed.text("id"), second.text("id")}) {
            assertThat(api().sendBytes("POST", "/api/v1/intel/feeds/" + id + "/indicators", ADMIN_TOKEN, "text/plain",
                    HttpRequest.BodyPublishers.ofString(body)).status()).isEqualTo(200);
        }
        Api.Response allowed = api().post("/api/v1/intel/allowlist", ADMIN_TOKEN, Map.of("value", own.toUpperCase(), "note", "our domain"));
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
        try {
            assertThat(allowed.text("value")).isEqualTo(own);
            assertThat(api().post("/api/v1/intel/allowlist", ADMIN_TOKEN, Map.of("value", own)).assertProblem(409).status()).isEqualTo(409);
            assertThat(api().post("/api/v1/intel/allowlist", ADMIN_TOKEN, Map.of("value", "no such thing")).assertProblem(400).detail())
                    .contains("neither");
            JsonNode list = api().get("/api/v1/intel/allowlist", ADMIN_TOKEN).json();
            assertThat(list).anySatisfy(e -> {
                assertThat(e.path("value").asString()).isEqualTo("8.8.8.8/32");
                assertThat(e.path("shipped").asBoolean()).isTrue();
            });

            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode suppressed = api().get("/api/v1/intel/suppressed", ADMIN_TOKEN).json();
                assertThat(suppressed.path("indicators")).anySatisfy(s -> {
                    assertThat(s.path("feed").asString()).isEqualTo("lc-" + run);
                    assertThat(s.path("value").asString()).isEqualTo("mail." + own);
                    assertThat(s.path("allowlisted").asString()).isEqualTo(own);
                    assertThat(s.path("note").asString()).isEqualTo("our domain");
                });
                assertThat(suppressed.path("indicators")).anySatisfy(s -> {
                    assertThat(s.path("feed").asString()).isEqualTo("lc-" + run);
                    assertThat(s.path("value").asString()).isEqualTo("8.8.8.8");
                    assertThat(s.path("note").asString()).isEqualTo("Google Public DNS");
                });
            });

            assertThat(api().post("/api/v1/intel/verdicts", ADMIN_TOKEN, Map.of("value", "evil-" + run + ".example",
                    "verdict", "false-positive")).assertProblem(400).detail()).contains("reason");
            // read before the verdict: its rebuild may be done before the answer arrives
            long generation = api().get("/api/v1/intel/status", ADMIN_TOKEN).json().path("generation").asLong();
            Api.Response verdict = api().post("/api/v1/intel/verdicts", ADMIN_TOKEN, Map.of("value", "EVIL-" + run + ".example",
                    "verdict", "false-positive", "reason", "our partner's marketing domain"));
            assertThat(verdict.status()).as(verdict.body()).isEqualTo(201);
            JsonNode looked = api().get("/api/v1/intel/indicators?value=evil-" + run + ".example", ADMIN_TOKEN).json();
            assertThat(looked).hasSize(2).allSatisfy(i -> assertThat(i.path("verdict").asString()).isEqualTo("false-positive"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    api().get("/api/v1/intel/status", ADMIN_TOKEN).json().path("generation").asLong() > generation);

            // One event carrying the false-positive domain and a live address held by both feeds: one alert for the
            // address, naming the more confident feed and listing the other; none for the domain.
            IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
            String token = ingest.createToken(ingest.createHttpInput(unique("lc-in"), "platform", "json"));
            ingest.ndjson(token, "{\"dns\":{\"question\":{\"name\":\"evil-" + run + ".example\"}},\"destination\":{\"ip\":\"" + ip
                    + "\"},\"host\":{\"name\":\"" + run + "\"}}\n");
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts(run, ip)).isEqualTo(1));
            JsonNode alert = api().get("/api/v1/alerts?source=intel&limit=500", ADMIN_TOKEN).json().findParents("title").stream()
                    .filter(a -> a.path("title").asString().contains(ip)).findFirst().orElseThrow();
            assertThat(alert.path("ruleRef").asString()).startsWith("lc-" + run + ":");
            assertThat(alert.path("explanation").asString()).contains("also in feeds: lc2-" + run + " (confidence 50, TLP:CLEAR)");
            assertThat(alerts(run, "evil-" + run)).isZero();
            assertThat(alerts(run, "mail." + own)).isZero();

            String verdictId = verdict.text("id");
            assertThat(api().delete("/api/v1/intel/verdicts/" + verdictId + "?reason=checked", ADMIN_TOKEN).status()).isEqualTo(204);
            assertThat(api().get("/api/v1/intel/indicators?value=evil-" + run + ".example", ADMIN_TOKEN).json().get(0)
                    .path("verdict").isNull()).isTrue();
            assertThat(api().get("/api/v1/intel/verdicts", ADMIN_TOKEN).json().toString()).doesNotContain(verdictId);
        } finally {
            api().delete("/api/v1/intel/allowlist/" + allowed.text("id"), ADMIN_TOKEN);
        }
    }

    @Test
    void indicatorsNewToAFeedAreHuntedInStoredEventsAndRaiseRetrospectiveAlerts() {
        String run = unique("rh").replace('_', '-').toLowerCase();
        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("rh-in"), "platform", "json"));
        ingest.ndjson(token, "{\"dns\":{\"question\":{\"name\":\"cdn.old-" + run + ".example\"}},\"host\":{\"name\":\"" + run + "\"}}\n");
        ingest.awaitCount(ADMIN_TOKEN, "host.name:" + run, 1);

        Api.Response feed = api().post("/api/v1/intel/feeds", ADMIN_TOKEN, Map.of("name", "rh-" + run, "format", "plain",
                "confidence", 85, "source", "Partner CERT"));
        assertThat(api().sendBytes("POST", "/api/v1/intel/feeds/" + feed.text("id") + "/indicators", ADMIN_TOKEN, "text/plain",
                HttpRequest.BodyPublishers.ofString("old-" + run + ".example\n")).status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode alerts = api().get("/api/v1/alerts?source=intel&rule=rh-" + run + ":rh-" + run + ":1", ADMIN_TOKEN).json();
            assertThat(alerts).anySatisfy(alert -> {
                assertThat(alert.path("title").asString()).isEqualTo("Retrospective threat intelligence match: old-" + run + ".example");
                assertThat(alert.path("explanation").asString()).startsWith("retrospective: ").contains("domain-subdomain");
                assertThat(alert.path("severity").asString()).isEqualTo("high");
                assertThat(alert.path("entities").toString()).contains(run);
            });
        });
        // Importing the same values again finds nothing new to hunt.
        assertThat(api().sendBytes("POST", "/api/v1/intel/feeds/" + feed.text("id") + "/indicators", ADMIN_TOKEN, "text/plain",
                HttpRequest.BodyPublishers.ofString("old-" + run + ".example\n")).status()).isEqualTo(200);
    }

    /** Intel alerts on the test's host whose title names the value. */
    private int alerts(String host, String value) {
        int count = 0;
        for (JsonNode alert : api().get("/api/v1/alerts?source=intel&limit=500", ADMIN_TOKEN).json()) {
            if (alert.path("title").asString().contains(value) && alert.path("entities").toString().contains(host)) {
                count++;
            }
        }
        return count;
    }
}
