package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each observable of an incident links to the stored events of the incident's tenant that contain it (count and the
 * search listing them) and to the intel feeds' indicators with its value, with feed and confidence.
 */
class ObservableEvidenceTest extends ServerTestBase {

    private static JsonNode observable(JsonNode incident, String value) {
        for (JsonNode o : incident.path("observables")) {
            if (o.path("value").asString().equals(value)) {
                return o;
            }
        }
        throw new AssertionError("no observable " + value + " in " + incident.path("observables"));
    }

    @Test
    void observablesCountTheirEventsInTheTenantAndNameTheMatchingIndicators() throws Exception {
        String tenant = unique("obs");
        String other = unique("obs");
        api().createTenant(ADMIN_TOKEN, tenant);
        api().createTenant(ADMIN_TOKEN, other);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String user = "svc-" + run;
        String ip = "10." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(1, 250) + "."
                + ThreadLocalRandom.current().nextInt(1, 250);

        Api.Response feed = api().post("/api/v1/intel/feeds", ADMIN_TOKEN, Map.of("name", "c2-" + run, "format", "plain", "confidence", 85));
        assertThat(feed.status()).as(feed.body()).isEqualTo(201);
        assertThat(api().sendBytes("POST", "/api/v1/intel/feeds/" + feed.text("id") + "/indicators", ADMIN_TOKEN, "text/plain",
                HttpRequest.BodyPublishers.ofString(ip + "\n", StandardCharsets.UTF_8)).status()).isEqualTo(200);

        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String mine = ingest.createToken(ingest.createHttpInput(unique("obs-in"), tenant, "json"));
        String theirs = ingest.createToken(ingest.createHttpInput(unique("obs-in"), other, "json"));
        assertThat(ingest.ndjson(mine, "{\"message\":\"login " + run + "\",\"user\":{\"name\":\"" + user + "\"},\"source\":{\"ip\":\"" + ip + "\"}}\n"
                + "{\"message\":\"sudo by " + user + " " + run + "\"}\n"
                + "{\"message\":\"unrelated " + run + "\",\"user\":{\"name\":\"someone-else\"}}\n").statusCode()).isEqualTo(200);
        assertThat(ingest.ndjson(theirs, "{\"message\":\"login " + run + "\",\"user\":{\"name\":\"" + user + "\"}}\n").statusCode()).isEqualTo(200);
        ingest.awaitCount(ADMIN_TOKEN, run, 4);

        Api.Response incident = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Service account abuse", "summary",
                "svc account used from a C2 address", "tenant", tenant));
        String id = incident.text("id");
        assertThat(api().post("/api/v1/incidents/" + id + "/observables", ADMIN_TOKEN, Map.of("kind", "user", "value", user)).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/incidents/" + id + "/observables", ADMIN_TOKEN, Map.of("kind", "ip", "value", ip)).status()).isEqualTo(201);

        JsonNode view = api().get("/api/v1/incidents/" + id, ADMIN_TOKEN).json();
        JsonNode userEvidence = observable(view, user).path("evidence");
        // the user's login (user.name) and the sudo line (in the message), not the other tenant's login
        assertThat(userEvidence.path("events").asLong()).isEqualTo(2);
        assertThat(userEvidence.path("indicators")).isEmpty();
        Api.Response listed = api().get(userEvidence.path("search").asString(), ADMIN_TOKEN);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().path("total").asLong()).isEqualTo(2);
        assertThat(userEvidence.path("console").asString()).startsWith("/events?q=").contains("&range=");

        JsonNode ipEvidence = observable(view, ip).path("evidence");
        assertThat(ipEvidence.path("events").asLong()).isEqualTo(1);
        assertThat(ipEvidence.path("indicators")).singleElement().satisfies(indicator -> {
            assertThat(indicator.path("feed").asString()).isEqualTo("c2-" + run);
            assertThat(indicator.path("confidence").asInt()).isEqualTo(85);
            assertThat(indicator.path("value").asString()).isEqualTo(ip);
        });

        // without intel:read the indicators are not shown (null), the event count still is
        String operator = unique("op");
        api().createUser(ADMIN_TOKEN, operator, PASSWORD, List.of("soc-analyst"), null);
        JsonNode asAnalyst = api().get("/api/v1/incidents/" + id, api().createToken(ADMIN_TOKEN, operator, List.of())).json();
        assertThat(observable(asAnalyst, ip).path("evidence").path("events").asLong()).isEqualTo(1);

        String shown = new ConsolePages(mockMvc, jdbc).page("/incidents/" + id);
        assertThat(shown).contains("2 event(s)", "c2-" + run + " (", "confidence 85)", "/events?q=_tenant");
    }
}
