package dev.vigil.server.advisory;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.CsafSchema;
import dev.vigil.vuln.csaf.CsafValidator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An advisory about a product over real HTTP: drafted from two tenants' findings, checked, refused with the failed
 * tests and paths while invalid, published through an approval, served by the API and the CSAF provider layout, and
 * revised with an appended revision history. Published documents are checked against the official CSAF schema.
 */
class AdvisoryPublicationTest extends ServerTestBase {

    private final CsafSchema schema = CsafSchema.load();

    private AdvisoryFixtures fixtures() {
        return new AdvisoryFixtures(api());
    }

    private String productWithFindingsInTwoTenants() {
        return fixtures().affectedProduct().product();
    }

    private Api.Response approve(String changeId) {
        return fixtures().approve(changeId);
    }

    @Test
    void draftCheckRefusePublishServeAndRevise() throws Exception {
        AdvisoryFixtures.Affected affected = fixtures().affectedProduct();
        String product = affected.product();

        Api.Response drafted = api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("product", product.toUpperCase()));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.text("id");
        String trackingId = drafted.text("trackingId");
        JsonNode draft = drafted.json().path("draft");
        assertThat(trackingId).matches("VIGIL-SA-\\d{4}-\\d{4}");
        assertThat(draft.at("/document/tracking/status").asString()).isEqualTo("draft");
        assertThat(draft.at("/document/category").asString()).isEqualTo("csaf_security_advisory");
        assertThat(draft.path("vulnerabilities").findValuesAsString("cve")).containsExactly("CVE-2026-41001", "CVE-2026-41002");
        JsonNode versions = draft.at("/product_tree/branches/0/branches/0/branches");
        assertThat(versions.findValuesAsString("name")).contains("1.0", "1.1");
        JsonNode first = draft.path("vulnerabilities").get(0);
        assertThat(first.at("/product_status/known_affected/0").asString()).isEqualTo("CSAFPID-1");
        assertThat(first.at("/product_status/fixed/0").asString()).isEqualTo("CSAFPID-2");
        assertThat(first.at("/scores/0/cvss_v3/baseScore").decimalValue()).isEqualByComparingTo("9.8");
        assertThat(first.at("/remediations/0/category").asString()).isEqualTo("vendor_fix");
        assertThat(schema.errors(draft.toString())).isEmpty();

        Api.Response check = api().post("/api/v1/advisories/" + id + "/validation", ADMIN_TOKEN, Map.of());
        assertThat(check.json().path("valid").asBoolean()).as(check.body()).isTrue();
        assertThat(check.json().path("tests").size()).isEqualTo(new CsafValidator().testIds().size());
        assertThat(check.json().path("warnings")).as("optional tests").isEmpty();

        // an edit that contradicts itself: the affected version also listed as fixed
        ObjectNode broken = (ObjectNode) draft.deepCopy();
        ((ArrayNode) broken.at("/vulnerabilities/0/product_status/fixed")).add("CSAFPID-1");
        assertThat(api().put("/api/v1/advisories/" + id + "/draft", ADMIN_TOKEN, broken).status()).isEqualTo(200);
        Api.Response refused = api().post("/api/v1/advisories/" + id + "/publication", ADMIN_TOKEN, Map.of());
        refused.assertProblem(422);
        assertThat(refused.problemCode()).isEqualTo("csaf-invalid");
        assertThat(refused.detail()).contains("6.1.6");
        assertThat(refused.json().path("violations").get(0).path("test").asString()).isEqualTo("6.1.6");
        assertThat(refused.json().path("violations").get(0).path("path").asString())
                .startsWith("/vulnerabilities/0/product_status/");
        assertThat(api().get("/api/v1/changes?state=pending", ADMIN_TOKEN).body()).doesNotContain(trackingId);

        ObjectNode fixed = (ObjectNode) draft.deepCopy();
        ((ObjectNode) fixed.path("document")).put("title", "Heap overflows in " + product);
        Api.Response saved = api().put("/api/v1/advisories/" + id + "/draft", ADMIN_TOKEN, fixed);
        assertThat(saved.json().path("title").asString()).isEqualTo("Heap overflows in " + product);
        Api.Response requested = api().post("/api/v1/advisories/" + id + "/publication", ADMIN_TOKEN,
                Map.of("summary", "Initial public release"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.text("state")).isEqualTo("pending");
        assertThat(requested.text("diff")).contains(trackingId, "version 1");
        assertThat(api().post("/api/v1/advisories/" + id + "/publication", ADMIN_TOKEN, Map.of()).assertProblem(409).problemCode())
                .isEqualTo("pending-change");
        assertThat(api().post("/api/v1/changes/" + requested.text("id") + "/approve", ADMIN_TOKEN, Map.of()).status())
                .as("the requester never approves").isEqualTo(403);
        assertThat(api().get("/api/v1/advisories/" + id, ADMIN_TOKEN).json().path("publishedVersion").asInt()).isZero();

        Api.Response approved = approve(requested.text("id"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode advisory = api().get("/api/v1/advisories/" + id, ADMIN_TOKEN).json();
        assertThat(advisory.path("publishedVersion").asInt()).isEqualTo(1);
        String path = advisory.at("/releases/0/path").asString();
        assertThat(path).matches("white/\\d{4}/vigil-sa-\\d{4}-\\d{4}\\.json");

        Api.Response release = api().get("/api/v1/advisories/" + id + "/releases/1", ADMIN_TOKEN);
        assertThat(release.contentType()).startsWith("application/json");
        assertThat(release.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        JsonNode v1 = release.json();
        assertThat(v1.at("/document/tracking/status").asString()).isEqualTo("final");
        assertThat(v1.at("/document/tracking/version").asString()).isEqualTo("1");
        assertThat(v1.at("/document/tracking/revision_history").size()).isEqualTo(1);
        assertThat(v1.at("/document/tracking/revision_history/0/summary").asString()).isEqualTo("Initial public release");
        assertThat(v1.at("/document/title").asString()).isEqualTo("Heap overflows in " + product);
        assertThat(schema.errors(release.body())).isEmpty();
        assertThat(new CsafValidator().validate(v1)).isEmpty();

        // the provider layout, anonymously
        Api.Response metadata = api().get("/.well-known/csaf/provider-metadata.json", null);
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(schema.providerMetadataErrors(metadata.body())).isEmpty();
        String directory = metadata.json().at("/distributions/0/directory_url").asString();
        assertThat(directory).endsWith("/.well-known/csaf/white/");
        String relative = path.substring("white/".length());
        assertThat(api().get("/.well-known/csaf/white/index.txt", null).body().lines()).contains(relative);
        assertThat(api().get("/.well-known/csaf/white/changes.csv", null).body()).contains("\"" + relative + "\",\"");
        Api.Response served = api().get("/.well-known/csaf/" + path, null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(release.body());
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(api().get("/.well-known/csaf/" + path + ".sha256", null).body())
                .isEqualTo(digest + "  " + relative.substring(relative.indexOf('/') + 1) + "\n");

        // a revision appends to the history and keeps the initial release date
        ObjectNode revised = (ObjectNode) advisory.path("draft").deepCopy();
        ((ArrayNode) revised.at("/document/notes")).addObject().put("category", "general").put("text", "Exploitation attempts were observed.");
        api().put("/api/v1/advisories/" + id + "/draft?version=" + advisory.path("version").asInt(), ADMIN_TOKEN, revised);
        assertThat(api().put("/api/v1/advisories/" + id + "/draft?version=1", ADMIN_TOKEN, revised).assertProblem(409).problemCode())
                .isEqualTo("stale-version");
        Api.Response second = api().post("/api/v1/advisories/" + id + "/publication", ADMIN_TOKEN, Map.of("summary", "Exploitation observed"));
        assertThat(approve(second.text("id")).status()).isEqualTo(200);
        JsonNode v2 = api().get("/api/v1/advisories/" + id + "/releases/2", ADMIN_TOKEN).json();
        assertThat(v2.at("/document/tracking/version").asString()).isEqualTo("2");
        assertThat(v2.at("/document/tracking/revision_history").findValuesAsString("number")).containsExactly("1", "2");
        assertThat(v2.at("/document/tracking/initial_release_date").asString())
                .isEqualTo(v1.at("/document/tracking/initial_release_date").asString());
        assertThat(schema.errors(v2.toString())).isEmpty();
        assertThat(api().get("/.well-known/csaf/" + path, null).json().at("/document/tracking/version").asString()).isEqualTo("2");
        assertThat(api().get("/.well-known/csaf/white/index.txt", null).body().lines().filter(relative::equals)).hasSize(1);

        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE object_id = ? ORDER BY seq").param(id).query(String.class).list())
                .containsSubsequence("advisory.drafted", "advisory.draft-updated", "advisory.published", "advisory.published");
    }

    @Test
    void aReleaseNotifiesTheTenantsRunningAnAffectedVersionThroughTheirContacts() throws Exception {
        AdvisoryFixtures.Affected affected = fixtures().affectedProduct();
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.start();
        try {
            UUID first = affected.tenants().getFirst();
            Api.Response contact = api().post("/api/v1/tenants/" + first + "/contacts", ADMIN_TOKEN, Map.of("name", "psirt desk",
                    "topics", List.of("advisory"), "channel", Map.of("type", "webhook",
                            "url", "http://127.0.0.1:" + hook.getAddress().getPort() + "/advisories")));
            assertThat(contact.status()).as(contact.body()).isEqualTo(201);
            // a third tenant runs the product too, but only the fixed version 1.1: it is not affected
            String fixedTenant = unique("adv-fixed");
            api().createTenant(ADMIN_TOKEN, fixedTenant);
            Api.Response asset = api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", fixedTenant, "name", unique("host"), "kind", "host"));
            assertThat(asset.status()).as(asset.body()).isEqualTo(201);
            assertThat(api().put("/api/v1/assets/" + asset.text("id") + "/software", ADMIN_TOKEN,
                    List.of(Map.of("name", affected.product(), "version", "1.1"))).status()).isEqualTo(200);

            Api.Response drafted = api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("product", affected.product()));
            String trackingId = drafted.text("trackingId");
            Api.Response requested = api().post("/api/v1/advisories/" + drafted.text("id") + "/publication", ADMIN_TOKEN, Map.of());
            Api.Response approved = approve(requested.text("id"));
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);

            JsonNode notices = api().get("/api/v1/notices?reference=advisory:" + trackingId, ADMIN_TOKEN).json();
            assertThat(notices).extracting(n -> UUID.fromString(n.path("tenantId").asString()))
                    .containsExactlyInAnyOrderElementsOf(affected.tenants());
            assertThat(notices).allSatisfy(n -> {
                assertThat(n.path("topic").asString()).isEqualTo("advisory");
                assertThat(n.path("subject").asString()).startsWith("Security advisory " + trackingId + " version 1");
                assertThat(n.path("body").asString()).contains(affected.product(), "1.0", "CVE-2026-41001", "/.well-known/csaf/white/");
            });
            assertThat(api().get("/api/v1/advisories/" + drafted.text("id"), ADMIN_TOKEN).json().at("/releases/0/notified"))
                    .hasSize(2);
            Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> !received.isEmpty());
            assertThat(received).anySatisfy(body -> assertThat(body).contains("advisory:" + trackingId, "tenant-notice"));
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void aDraftEditedAfterTheRequestIsNotPublishedByTheApproval() {
        String product = productWithFindingsInTwoTenants();
        Api.Response drafted = api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("product", product, "tlp", "amber"));
        String id = drafted.text("id");
        Api.Response requested = api().post("/api/v1/advisories/" + id + "/publication", ADMIN_TOKEN, Map.of());
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        ObjectNode edited = (ObjectNode) drafted.json().path("draft").deepCopy();
        ((ObjectNode) edited.path("document")).put("title", "Changed after the request");
        api().put("/api/v1/advisories/" + id + "/draft", ADMIN_TOKEN, edited);

        Api.Response approved = approve(requested.text("id"));
        assertThat(approved.status()).isEqualTo(409);
        assertThat(approved.problemCode()).isEqualTo("draft-changed");
        assertThat(api().get("/api/v1/advisories/" + id, ADMIN_TOKEN).json().path("publishedVersion").asInt()).isZero();
    }

    @Test
    void nonWhiteReleasesStayOutOfTheProviderLayout() {
        String product = productWithFindingsInTwoTenants();
        Api.Response drafted = api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("product", product, "tlp", "amber"));
        assertThat(drafted.json().at("/draft/document/distribution/tlp/label").asString()).isEqualTo("AMBER");
        Api.Response requested = api().post("/api/v1/advisories/" + drafted.text("id") + "/publication", ADMIN_TOKEN, Map.of());
        assertThat(approve(requested.text("id")).status()).isEqualTo(200);
        JsonNode advisory = api().get("/api/v1/advisories/" + drafted.text("id"), ADMIN_TOKEN).json();
        assertThat(advisory.at("/releases/0/path").isNull()).isTrue();
        assertThat(api().get("/.well-known/csaf/white/index.txt", null).body())
                .doesNotContain(drafted.text("trackingId").toLowerCase(java.util.Locale.ROOT));
        assertThat(api().get("/api/v1/advisories/" + drafted.text("id") + "/releases/1", ADMIN_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWithAProblem() {
        assertThat(api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("product", unique("nothing-uses-this")))
                .assertProblem(422).problemCode()).isEqualTo("no-findings");
        assertThat(api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("product", " ")).assertProblem(400).detail()).contains("product");
        String product = productWithFindingsInTwoTenants();
        assertThat(api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("product", product, "tlp", "PURPLE"))
                .assertProblem(400).detail()).contains("tlp");
        String id = api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("product", product)).text("id");
        assertThat(api().put("/api/v1/advisories/" + id + "/draft", ADMIN_TOKEN, List.of(1, 2)).assertProblem(400).detail())
                .contains("'document'");
        assertThat(api().put("/api/v1/advisories/" + id + "/draft", ADMIN_TOKEN,
                Map.of("document", Map.of("category", "csaf_base", "title", "x"))).assertProblem(400).detail()).contains("category");
        assertThat(api().sendBytes("PUT", "/api/v1/advisories/" + id + "/draft", ADMIN_TOKEN, "application/json",
                HttpRequest.BodyPublishers.ofString("{not json")).status()).isEqualTo(400);
        Map<String, Object> odd = Map.of("document", Map.of("category", "csaf_security_advisory", "title", "Odd shape",
                "distribution", Map.of("tlp", Map.of("label", "WHITE")), "notes", "not an array"),
                "product_tree", List.of("not", "an", "object"), "vulnerabilities", Map.of("cve", Map.of("x", 1)));
        assertThat(api().put("/api/v1/advisories/" + id + "/draft", ADMIN_TOKEN, odd).status()).isEqualTo(200);
        Api.Response oddCheck = api().post("/api/v1/advisories/" + id + "/validation", ADMIN_TOKEN, Map.of());
        assertThat(oddCheck.status()).as(oddCheck.body()).isEqualTo(200);
        assertThat(oddCheck.json().path("valid").asBoolean()).isFalse();
        Api.Response oddPublication = api().post("/api/v1/advisories/" + id + "/publication", ADMIN_TOKEN, Map.of());
        oddPublication.assertProblem(422);
        assertThat(oddPublication.json().path("violations").findValuesAsString("path"))
                .contains("/document/notes", "/product_tree", "/vulnerabilities");
        api().get("/api/v1/advisories/" + java.util.UUID.randomUUID(), ADMIN_TOKEN).assertProblem(404);
        api().get("/api/v1/advisories/" + id + "/releases/7", ADMIN_TOKEN).assertProblem(404);
        api().get("/.well-known/csaf/white/2026/no-such-advisory.json", null).assertProblem(404);
    }

    @Test
    void advisoriesNeedTheVulnPermissionOnEveryTenant() {
        String tenant = unique("adv-own");
        java.util.UUID tenantId = api().createTenant(ADMIN_TOKEN, tenant);
        String user = unique("adv-tenant");
        api().createUser(ADMIN_TOKEN, user, PASSWORD, List.of("tenant-authorizer"), tenantId);
        String token = api().login(user, PASSWORD);
        assertThat(api().get("/api/v1/advisories", token).assertProblem(403).detail()).contains("all tenants");
    }

}
