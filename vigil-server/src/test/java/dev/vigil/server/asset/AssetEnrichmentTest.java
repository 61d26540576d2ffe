package dev.vigil.server.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Events are enriched with the assets their host names and addresses belong to, within the event's tenant only. */
class AssetEnrichmentTest extends ServerTestBase {

    @Test
    void eventsNameTheAssetsOfTheirHostSourceAndDestination() {
        String tenant = unique("enrich");
        String other = unique("enrich-other");
        api().createTenant(ADMIN_TOKEN, tenant);
        api().createTenant(ADMIN_TOKEN, other);
        String web = unique("web");
        String db = unique("db");
        Api.Response webAsset = api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", tenant, "name", web, "kind", "host",
                "criticality", 5, "environment", "production", "hostnames", List.of(web + ".example.test"),
                "addresses", List.of("10.77.0.10")));
        assertThat(webAsset.status()).as(webAsset.body()).isEqualTo(201);
        Api.Response dbAsset = api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", tenant, "name", db, "kind", "data-store",
                "criticality", 4, "addresses", List.of("2001:db8:77::20")));
        assertThat(dbAsset.status()).as(dbAsset.body()).isEqualTo(201);
        // the same address in another tenant is another system
        assertThat(api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", other, "name", unique("elsewhere"), "kind", "host",
                "addresses", List.of("10.77.0.10"))).status()).isEqualTo(201);

        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String mine = ingest.createToken(ingest.createHttpInput(unique("enrich-in"), tenant, "json"));
        String theirs = ingest.createToken(ingest.createHttpInput(unique("enrich-in"), other, "json"));
        String run = unique("run");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String event = "{\"run\":\"" + run + "\",\"host\":{\"name\":\"" + web.toUpperCase() + ".EXAMPLE.TEST\"},"
                    + "\"source\":{\"ip\":\"10.77.0.10\"},\"destination\":{\"ip\":\"2001:DB8:77:0:0:0:0:20\"}}\n";
            assertThat(ingest.ndjson(mine, event).statusCode()).isEqualTo(200);
            assertThat(ingest.ndjson(theirs, "{\"run\":\"" + run + "\",\"source\":{\"ip\":\"10.77.0.99\"}}\n").statusCode())
                    .isEqualTo(200);
            JsonNode fields = latest(tenant, run);
            assertThat(fields.path("asset.name").asString()).isEqualTo(web);
        });
        JsonNode fields = latest(tenant, run);
        assertThat(fields.path("asset.id").asString()).isEqualTo(webAsset.text("id"));
        assertThat(fields.path("asset.criticality").asInt()).isEqualTo(5);
        assertThat(fields.path("asset.environment").asString()).isEqualTo("production");
        assertThat(fields.path("source.asset.name").asString()).isEqualTo(web);
        assertThat(fields.path("destination.asset.name").asString()).isEqualTo(db);
        assertThat(fields.path("destination.asset.id").asString()).isEqualTo(dbAsset.text("id"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(latest(other, run).has("source.asset.name")).as("an unknown address stays unenriched").isFalse());
    }

    private JsonNode latest(String tenant, String run) {
        Api.Response search = api().get("/api/v1/events/search?size=100&q="
                + URLEncoder.encode("run:\"" + run + "\"", StandardCharsets.UTF_8), ADMIN_TOKEN);
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        for (JsonNode event : search.json().path("events")) {
            if (event.path("tenant").asString().equals(tenant)) {
                return event.path("fields");
            }
        }
        throw new AssertionError("no event of run " + run + " in tenant " + tenant + " yet");
    }
}
