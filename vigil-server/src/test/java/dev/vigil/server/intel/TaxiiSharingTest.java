package dev.vigil.server.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.vigil.intel.stix.bundle.StixBundleReader;
import dev.vigil.intel.stix.compile.PatternIndicatorCompiler;
import dev.vigil.intel.stix.share.TlpMarking;
import dev.vigil.intel.taxii.TaxiiClient;
import dev.vigil.intel.taxii.TaxiiCollection;
import dev.vigil.intel.taxii.TaxiiDiscovery;
import dev.vigil.intel.taxii.TaxiiException;
import dev.vigil.intel.taxii.TaxiiPoll;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Vigil serves chosen collections over TAXII 2.1 to partners, and vigil-intel's own TAXII client polls them: discovery,
 * the collections a partner token is scoped to, objects page by page and added_after; TLP:RED, feeds above the TLP
 * ceiling and indicators below the minimum confidence never leave; other collections, other tokens, revoked tokens
 * and other media types are refused with TAXII error messages; every access is audited.
 */
class TaxiiSharingTest extends ServerTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    private String feed(String name, String tlp, int confidence, List<String> values) {
        Api.Response feed = api().post("/api/v1/intel/feeds", ADMIN_TOKEN, Map.of("name", name, "format", "plain", "source", "tests",
                "confidence", confidence, "tlp", tlp, "expiresAfterDays", 0));
        assertThat(feed.status()).as(feed.body()).isEqualTo(201);
        load(feed.text("id"), values);
        return feed.text("id");
    }

    private void load(String feedId, List<String> values) {
        Api.Response imported = api().sendBytes("POST", "/api/v1/intel/feeds/" + feedId + "/indicators", ADMIN_TOKEN, "text/plain",
                HttpRequest.BodyPublishers.ofString(String.join("\n", values) + "\n"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    private static List<String> domains(String run, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "d" + i + "-" + run + ".example").toList();
    }

    @Test
    void aPartnerPollsItsCollectionWithVigilsTaxiiClientPageByPageAndAddedAfter() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String shared = feed("shared-" + run, "clear", 80, domains(run, 0, 250));
        String red = feed("red-" + run, "red", 90, List.of("red-" + run + ".example", "198.51.100.66"));
        String amber = feed("amber-" + run, "amber", 90, List.of("amber-" + run + ".example"));
        String weak = feed("weak-" + run, "green", 20, List.of("weak-" + run + ".example"));
        String incident = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "C2 " + run, "summary", "s")).text("id");
        api().post("/api/v1/incidents/" + incident + "/observables", ADMIN_TOKEN, Map.of("kind", "ip", "value", "203.0.113.77"));
        api().put("/api/v1/incidents/" + incident + "/tlp", ADMIN_TOKEN, Map.of("tlp", "green"));
        String secretIncident = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Secret " + run, "summary", "s")).text("id");
        api().post("/api/v1/incidents/" + secretIncident + "/observables", ADMIN_TOKEN, Map.of("kind", "ip", "value", "203.0.113.78"));
        api().put("/api/v1/incidents/" + secretIncident + "/tlp", ADMIN_TOKEN, Map.of("tlp", "red"));

        assertThat(api().post("/api/v1/intel/sharing/collections", ADMIN_TOKEN, Map.of("title", "red " + run, "tlpCeiling", "red"))
                .assertProblem(400).detail()).contains("TLP:RED is never shared");
        Api.Response created = api().post("/api/v1/intel/sharing/collections", ADMIN_TOKEN, Map.of("title", "Partners " + run,
                "feedIds", List.of(shared, red, amber, weak), "minConfidence", 50, "tlpCeiling", "green",
                "incidentIds", List.of(incident, secretIncident)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String collection = created.text("id");
        String other = api().post("/api/v1/intel/sharing/collections", ADMIN_TOKEN, Map.of("title", "Others " + run,
                "feedIds", List.of(shared))).text("id");
        Api.Response partner = api().post("/api/v1/intel/sharing/partners", ADMIN_TOKEN, Map.of("name", "CERT " + run,
                "collectionIds", List.of(collection)));
        assertThat(partner.status()).as(partner.body()).isEqualTo(201);
        String secret = partner.text("secret");
        assertThat(secret).startsWith("vtp_");
        String partnerId = partner.json().path("partner").path("id").asString();
        assertThat(api().get("/api/v1/intel/sharing/partners", ADMIN_TOKEN).body()).doesNotContain(secret);

        TaxiiClient client = new TaxiiClient(http, Duration.ofSeconds(20), "Bearer " + secret);
        TaxiiDiscovery discovery = client.discover(URI.create(api().base() + "/taxii2/"));
        assertThat(discovery.apiRoots()).hasSize(1);
        List<TaxiiCollection> collections = client.collections(discovery.defaultRoot());
        assertThat(collections).extracting(TaxiiCollection::id).containsExactly(collection);
        assertThat(collections.getFirst().canRead()).isTrue();

        List<JsonNode> objects = new ArrayList<>();
        TaxiiPoll first = client.poll(collections.getFirst().url(), null, objects::add);
        assertThat(first.pages()).as("250 domains, an incident and their identities and markings: pages of 100").isEqualTo(3);
        assertThat(first.objects()).isEqualTo(objects.size());
        Set<String> values = indicatorValues(objects);
        assertThat(values).containsAll(domains(run, 0, 250)).contains("203.0.113.77")
                .doesNotContain("red-" + run + ".example", "198.51.100.66", "amber-" + run + ".example", "weak-" + run + ".example",
                        "203.0.113.78");
        assertThat(objects).noneMatch(o -> o.toString().contains(TlpMarking.RED.id()));
        assertThat(types(objects)).contains("identity", "marking-definition", "indicator", "report");
        assertThat(objects.stream().map(o -> o.path("id").asString()).distinct().count()).isEqualTo(objects.size());

        // new indicators only are fetched after the last poll
        load(shared, domains(run, 0, 253));
        List<JsonNode> fresh = new ArrayList<>();
        TaxiiPoll[] second = new TaxiiPoll[1];
        // the collection is republished in the background after the import
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            fresh.clear();
            second[0] = client.poll(collections.getFirst().url(), first.addedLast(), fresh::add);
            assertThat(indicatorValues(fresh)).containsExactlyInAnyOrderElementsOf(domains(run, 250, 253));
        });
        assertThat(second[0].pages()).isEqualTo(1);
        assertThat(fresh).hasSize(3);

        // a value removed from the feed is published once more, revoked
        load(shared, domains(run, 1, 253));
        List<JsonNode> revoked = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            revoked.clear();
            client.poll(collections.getFirst().url(), second[0].addedLast(), revoked::add);
            assertThat(revoked).isNotEmpty();
        });
        assertThat(revoked).singleElement().satisfies(o -> {
            assertThat(o.path("revoked").asBoolean()).isTrue();
            assertThat(o.path("pattern").asString()).contains("d0-" + run + ".example");
        });

        TaxiiCollection notScoped = new TaxiiCollection(other, "", "", true, URI.create(discovery.defaultRoot() + "collections/" + other + "/"));
        assertThatThrownBy(() -> client.poll(notScoped.url(), null, o -> { })).isInstanceOf(TaxiiException.class)
                .hasMessageContaining("HTTP 403");
        HttpResponse<String> denied = get(notScoped.url() + "objects/", "Bearer " + secret, TaxiiClient.MEDIA_TYPE);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type").orElse("")).startsWith("application/taxii+json");
        assertThat(Api.JSON.readTree(denied.body()).path("http_status").asString()).isEqualTo("403");
        assertThat(api().get("/api/v1/intel/sharing/collections/" + other, ADMIN_TOKEN).json().path("objectCount").asLong())
                .as("the other collection is published too, only not to this partner").isGreaterThan(250);

        String objectsUrl = collections.getFirst().url() + "objects/";
        assertThat(get(objectsUrl, null, TaxiiClient.MEDIA_TYPE).statusCode()).isEqualTo(401);
        assertThat(get(objectsUrl, "Bearer " + ADMIN_TOKEN, TaxiiClient.MEDIA_TYPE).statusCode()).as("a user's API token").isEqualTo(403);
        assertThat(get(objectsUrl, "Bearer " + secret, "application/json").statusCode()).isEqualTo(406);
        assertThat(get(discovery.defaultRoot() + "collections/" + UUID.randomUUID() + "/", "Bearer " + secret, TaxiiClient.MEDIA_TYPE)
                .statusCode()).isEqualTo(404);
        assertThat(get(objectsUrl + "?added_after=yesterday", "Bearer " + secret, TaxiiClient.MEDIA_TYPE).statusCode()).isEqualTo(400);

        HttpResponse<String> manifest = get(collections.getFirst().url() + "manifest/?limit=5", "Bearer " + secret, TaxiiClient.MEDIA_TYPE);
        JsonNode page = Api.JSON.readTree(manifest.body());
        assertThat(page.path("more").asBoolean()).isTrue();
        assertThat(page.path("objects").size()).isEqualTo(5);
        assertThat(page.path("objects").get(0).path("media_type").asString()).isEqualTo("application/stix+json;version=2.1");
        assertThat(manifest.headers().firstValue("X-TAXII-Date-Added-First")).isPresent();
        JsonNode nextPage = Api.JSON.readTree(get(collections.getFirst().url() + "manifest/?limit=5&next=" + page.path("next").asString(),
                "Bearer " + secret, TaxiiClient.MEDIA_TYPE).body());
        assertThat(nextPage.path("objects").get(0).path("id").asString()).isNotEqualTo(page.path("objects").get(4).path("id").asString());
        JsonNode reports = Api.JSON.readTree(get(objectsUrl + "?" + encode("match[type]") + "=report", "Bearer " + secret,
                TaxiiClient.MEDIA_TYPE).body());
        assertThat(types(list(reports.path("objects")))).containsOnly("report");
        String reportId = reports.path("objects").get(0).path("id").asString();
        JsonNode byId = Api.JSON.readTree(get(objectsUrl + reportId + "/", "Bearer " + secret, TaxiiClient.MEDIA_TYPE).body());
        assertThat(byId.path("objects").get(0).path("id").asString()).isEqualTo(reportId);
        HttpResponse<String> versions = get(objectsUrl + reportId + "/versions/", "Bearer " + secret, TaxiiClient.MEDIA_TYPE);
        assertThat(versions.statusCode()).isEqualTo(200);
        assertThat(list(Api.JSON.readTree(versions.body()).path("versions"))).singleElement()
                .satisfies(v -> assertThat(v.asString()).isEqualTo(byId.path("objects").get(0).path("modified").asString()));
        assertThat(get(objectsUrl + "report--" + UUID.randomUUID() + "/versions/", "Bearer " + secret, TaxiiClient.MEDIA_TYPE).statusCode())
                .isEqualTo(404);

        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'intel.taxii.read' AND actor_id = ? AND outcome = 'success'")
                .param(partnerId).query(Long.class).single()).isGreaterThanOrEqualTo(8);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'intel.taxii.read' AND actor_id = ? AND outcome = 'denied'")
                .param(partnerId).query(Long.class).single()).isGreaterThanOrEqualTo(3);

        assertThat(api().delete("/api/v1/intel/sharing/partners/" + partnerId, ADMIN_TOKEN).json().path("revokedAt").isNull()).isFalse();
        assertThat(get(objectsUrl, "Bearer " + secret, TaxiiClient.MEDIA_TYPE).statusCode()).as("revoked at once").isEqualTo(401);
    }

    @Test
    void onlyHoldersOfIntelShareDefineCollectionsAndPartners() {
        String username = unique("analyst");
        api().createUser(ADMIN_TOKEN, username, PASSWORD, List.of("soc-analyst"), null);
        String analyst = api().login(username, PASSWORD);
        assertThat(api().post("/api/v1/intel/sharing/collections", analyst, Map.of("title", "x")).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/intel/sharing/collections", ADMIN_TOKEN, Map.of("title", " ")).assertProblem(400).detail())
                .contains("title");
        assertThat(api().post("/api/v1/intel/sharing/collections", ADMIN_TOKEN, Map.of("title", unique("c"), "feedIds",
                List.of(UUID.randomUUID()))).assertProblem(400).problemCode()).isEqualTo("unknown-feed");
        assertThat(api().post("/api/v1/intel/sharing/partners", ADMIN_TOKEN, Map.of("name", unique("p"))).assertProblem(400).detail())
                .contains("collectionIds");
    }

    private HttpResponse<String> get(String url, String authorization, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static List<String> types(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("type").asString()).distinct().toList();
    }

    /** The values of the indicators as vigil-intel's STIX reader and pattern compiler read them back. */
    private static Set<String> indicatorValues(List<JsonNode> objects) {
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode object : objects) {
            StixBundleReader.indicatorOf(object).ifPresent(indicator -> PatternIndicatorCompiler.compile(indicator, "partner")
                    .indicators().forEach(i -> seen.merge(i.value(), 1, Integer::sum)));
        }
        return seen.keySet().stream().collect(Collectors.toSet());
    }
}
