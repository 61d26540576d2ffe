package dev.vigil.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A feed shared by every tenant switched off for one tenant: that tenant's events no longer match indicators only that
 * feed holds (a value another feed also holds still does), retro-hunts of its new indicators skip that tenant, the
 * switch is audited and live without a restart, and switching back on takes effect as well.
 */
class FeedTenantSwitchTest extends ServerTestBase {

    @Test
    void aSharedFeedOffForOneTenantIsIgnoredForItsEventsOnly() {
        String run = unique("sw").toLowerCase();
        String tenantA = "a-" + run;
        String tenantB = "b-" + run;
        api().createTenant(ADMIN_TOKEN, tenantA);
        api().createTenant(ADMIN_TOKEN, tenantB);
        String only = "only-" + run + ".example";
        String both = "both-" + run + ".example";
        String later = "later-" + run + ".example";
        String switched = feed("sw1-" + run, only + "\n" + both + "\n");
        feed("sw2-" + run, both + "\n");
        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String tokenA = ingest.createToken(ingest.createHttpInput(unique("sw-a"), tenantA, "json"));
        String tokenB = ingest.createToken(ingest.createHttpInput(unique("sw-b"), tenantB, "json"));
        // stored before the new indicator arrives, for the retro-hunt
        ingest.ndjson(tokenA, event(later, "old-a-" + run));
        ingest.awaitCount(ADMIN_TOKEN, "host.name:old-a-" + run, 1);
        ingest.ndjson(tokenB, event(later, "old-b-" + run));
        ingest.awaitCount(ADMIN_TOKEN, "host.name:old-b-" + run, 1);

        assertThat(api().put("/api/v1/intel/feeds/" + switched + "/tenants/nobody-" + run, ADMIN_TOKEN, Map.of("enabled", false))
                .assertProblem(400).problemCode()).isEqualTo("unknown-tenant");
        long generation = generation();
        Api.Response off = api().put("/api/v1/intel/feeds/" + switched + "/tenants/" + tenantA, ADMIN_TOKEN, Map.of("enabled", false));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().path("disabledTenants").toString()).isEqualTo("[\"" + tenantA + "\"]");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'intel.feed.tenant-disable' AND object_id = ?")
                .param(switched).query(Long.class).single()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> generation() > generation);

        ingest.ndjson(tokenA, event(only, "a1-" + run) + event(both, "a1-" + run));
        ingest.ndjson(tokenB, event(only, "b1-" + run));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(alerts(both, "a1-" + run)).as("still held by the other feed").singleElement()
                    .satisfies(a -> assertThat(a.path("ruleRef").asString()).startsWith("sw2-" + run + ":"));
            assertThat(alerts(only, "b1-" + run)).hasSize(1);
        });
        assertThat(alerts(only, "a1-" + run)).as("only the switched-off feed holds it").isEmpty();

        assertThat(api().sendBytes("POST", "/api/v1/intel/feeds/" + switched + "/indicators", ADMIN_TOKEN, "text/plain",
                HttpRequest.BodyPublishers.ofString(only + "\n" + both + "\n" + later + "\n")).status()).isEqualTo(200);
        // hunts scan the oldest events first: once B's (newer) event raised its alert, A's was looked at
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(alerts(later, "old-b-" + run)).hasSize(1));
        assertThat(alerts(later, "old-a-" + run)).as("the retro-hunt skips the tenant the feed is off for").isEmpty();

        long before = generation();
        assertThat(api().put("/api/v1/intel/feeds/" + switched + "/tenants/" + tenantA, ADMIN_TOKEN, Map.of("enabled", true))
                .json().path("disabledTenants").size()).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> generation() > before);
        ingest.ndjson(tokenA, event(only, "a2-" + run));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts(only, "a2-" + run)).hasSize(1));

        String tenantFeed = api().post("/api/v1/intel/feeds", ADMIN_TOKEN, Map.of("name", "sw3-" + run, "format", "plain",
                "tenant", tenantB)).text("id");
        assertThat(api().put("/api/v1/intel/feeds/" + tenantFeed + "/tenants/" + tenantA, ADMIN_TOKEN, Map.of("enabled", false))
                .assertProblem(409).detail()).contains("belongs to tenant " + tenantB);
    }

    private String feed(String name, String values) {
        Api.Response feed = api().post("/api/v1/intel/feeds", ADMIN_TOKEN, Map.of("name", name, "format", "plain", "confidence", 70));
        assertThat(feed.status()).as(feed.body()).isEqualTo(201);
        assertThat(api().sendBytes("POST", "/api/v1/intel/feeds/" + feed.text("id") + "/indicators", ADMIN_TOKEN, "text/plain",
                HttpRequest.BodyPublishers.ofString(values)).status()).isEqualTo(200);
        return feed.text("id");
    }

    private static String event(String domain, String host) {
        return "{\"dns\":{\"question\":{\"name\":\"" + domain + "\"}},\"host\":{\"name\":\"" + host + "\"}}\n";
    }

    private long generation() {
        return api().get("/api/v1/intel/status", ADMIN_TOKEN).json().path("generation").asLong();
    }

    private List<JsonNode> alerts(String value, String host) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode alert : api().get("/api/v1/alerts?source=intel&limit=500", ADMIN_TOKEN).json()) {
            if (alert.path("title").asString().endsWith(value) && alert.path("entities").toString().contains(host)) {
                found.add(alert);
            }
        }
        return found;
    }
}
