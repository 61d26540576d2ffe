package dev.vigil.server.advisory;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.CsafSchema;
import dev.vigil.vuln.csaf.CsafValidator;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;

import static dev.vigil.server.advisory.AdvisoryFixtures.RCE;
import static dev.vigil.server.advisory.AdvisoryFixtures.trivy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An advisory about a service component of the monitoring catalogue: drafted from the open findings of the asset the
 * component runs on, with the component and its deployed versions as the product tree; it passes the mandatory tests
 * and the official schema, is published through an approval, and is noticed to the tenant owning the component and
 * the tenants whose components depend on it (directly or through another), not to others.
 */
class ComponentAdvisoryTest extends ServerTestBase {

    private final CsafSchema schema = CsafSchema.load();

    /** The names of a catalogue: db (tenant owner) ← api (tenant direct) ← web (tenant transitive); other elsewhere. */
    private record Catalogue(String db, String api, String web, String host, Map<String, UUID> tenants,
                             Map<String, String> slugs) {
    }

    private Catalogue catalogue() {
        Map<String, UUID> tenants = new HashMap<>();
        Map<String, String> slugs = new HashMap<>();
        for (String role : List.of("owner", "direct", "transitive", "other")) {
            String slug = unique("svc-" + role);
            slugs.put(role, slug);
            tenants.put(role, api().createTenant(ADMIN_TOKEN, slug));
        }
        String host = unique("pay-db-host");
        Api.Response imported = api().sendBytes("POST", "/api/v1/vuln/imports?filename=r.json&tenant=" + slugs.get("owner"),
                ADMIN_TOKEN, "application/json", HttpRequest.BodyPublishers.ofString(
                        trivy(host, "CVE-2026-42001", unique("libpq"), RCE), StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String db = unique("pay-db");
        String api = unique("pay-api");
        String web = unique("pay-web");
        component(db, slugs.get("owner"), List.of(host), List.of());
        component(api, slugs.get("direct"), List.of(), List.of(db));
        component(web, slugs.get("transitive"), List.of(), List.of(api));
        component(unique("mail"), slugs.get("other"), List.of(), List.of());
        return new Catalogue(db, api, web, host, tenants, slugs);
    }

    private void component(String name, String tenant, List<String> assets, List<String> upstream) {
        Api.Response created = api().post("/api/v1/components", ADMIN_TOKEN, Map.of("name", name, "owner", "ops",
                "tenant", tenant, "criticality", "high", "exposure", "external", "assets", assets, "upstream", upstream));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void draftedFromTheComponentsAssetsPublishedAndNoticedToOwnerAndDependants() {
        Catalogue catalogue = catalogue();
        Api.Response drafted = api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("component", catalogue.db(),
                "versions", List.of("2026.11.2", "2026.11.3"), "fixedVersion", "2026.11.4"));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        assertThat(drafted.text("subject")).isEqualTo("component");
        assertThat(drafted.text("product")).isEqualTo(catalogue.db());
        assertThat(drafted.text("componentId")).isNotBlank();
        assertThat(drafted.text("title")).isEqualTo("Vulnerabilities in the service " + catalogue.db());
        JsonNode draft = drafted.json().path("draft");
        JsonNode vendor = draft.at("/product_tree/branches/0");
        assertThat(vendor.path("category").asString()).isEqualTo("vendor");
        assertThat(vendor.at("/branches/0/category").asString()).isEqualTo("product_name");
        assertThat(vendor.at("/branches/0/name").asString()).isEqualTo(catalogue.db());
        assertThat(vendor.at("/branches/0/branches").findValuesAsString("name")).contains("2026.11.2", "2026.11.3", "2026.11.4");
        assertThat(draft.path("vulnerabilities")).hasSize(1);
        JsonNode vulnerability = draft.path("vulnerabilities").get(0);
        assertThat(vulnerability.path("cve").asString()).isEqualTo("CVE-2026-42001");
        assertThat(vulnerability.at("/product_status/known_affected").toString()).isEqualTo("[\"CSAFPID-1\",\"CSAFPID-2\"]");
        assertThat(vulnerability.at("/product_status/fixed").toString()).isEqualTo("[\"CSAFPID-3\"]");
        assertThat(vulnerability.at("/remediations/0/category").asString()).isEqualTo("vendor_fix");
        assertThat(vulnerability.at("/scores/0/cvss_v3/baseScore").decimalValue()).isEqualByComparingTo("9.8");
        assertThat(vulnerability.path("notes").findValuesAsString("category")).contains("description", "details");
        assertThat(vulnerability.toString()).doesNotContain(catalogue.host());
        assertThat(schema.errors(draft.toString())).isEmpty();
        String id = drafted.text("id");
        Api.Response check = api().post("/api/v1/advisories/" + id + "/validation", ADMIN_TOKEN, Map.of());
        assertThat(check.json().path("valid").asBoolean()).as(check.body()).isTrue();
        assertThat(check.json().path("warnings")).as("optional tests").isEmpty();
        assertThat(vendor.at("/branches/0/branches/0/product/product_identification_helper/purl").asString())
                .isEqualTo("pkg:generic/" + catalogue.db() + "@2026.11.2");

        // a rename of the component after drafting does not lose its owner and dependants
        Api.Response renamed = api().put("/api/v1/components/" + drafted.text("componentId"), ADMIN_TOKEN, Map.of(
                "name", catalogue.db() + "-v2", "owner", "ops", "tenant", catalogue.slugs().get("owner"), "criticality", "high",
                "exposure", "external", "assets", List.of(catalogue.host())));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        Api.Response requested = api().post("/api/v1/advisories/" + id + "/publication", ADMIN_TOKEN, Map.of());
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.text("diff")).contains("about the service " + catalogue.db());
        Api.Response approved = new AdvisoryFixtures(api()).approve(requested.text("id"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        Api.Response release = api().get("/api/v1/advisories/" + id + "/releases/1", ADMIN_TOKEN);
        assertThat(schema.errors(release.body())).isEmpty();
        assertThat(new CsafValidator().validate(release.json())).isEmpty();

        String trackingId = drafted.text("trackingId");
        JsonNode notices = api().get("/api/v1/notices?reference=advisory:" + trackingId, ADMIN_TOKEN).json();
        Map<UUID, String> bodies = new HashMap<>();
        notices.forEach(n -> bodies.put(UUID.fromString(n.path("tenantId").asString()), n.path("body").asString()));
        assertThat(bodies.keySet()).containsExactlyInAnyOrder(catalogue.tenants().get("owner"),
                catalogue.tenants().get("direct"), catalogue.tenants().get("transitive"));
        assertThat(bodies.get(catalogue.tenants().get("owner"))).contains("The service " + catalogue.db(), "You own it",
                "2026.11.2, 2026.11.3", "CVE-2026-42001", "/.well-known/csaf/white/");
        assertThat(bodies.get(catalogue.tenants().get("direct"))).contains("depend on it", catalogue.api());
        assertThat(bodies.get(catalogue.tenants().get("transitive"))).contains("depend on it", catalogue.web())
                .doesNotContain(catalogue.api() + ",");
        assertThat(api().get("/api/v1/advisories/" + id, ADMIN_TOKEN).json().at("/releases/0/notified")).hasSize(3);
    }

    @Test
    void badComponentRequestsAreRefusedWithAProblem() {
        Catalogue catalogue = catalogue();
        assertThat(api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("component", catalogue.db()))
                .assertProblem(400).detail()).contains("versions");
        assertThat(api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("component", catalogue.db(), "versions", List.of("< 2.0")))
                .assertProblem(400).detail()).contains("not a single version");
        assertThat(api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("component", catalogue.db(), "versions", List.of("1"),
                "fixedVersion", "1")).assertProblem(400).detail()).contains("also listed as affected");
        assertThat(api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("component", catalogue.db(), "product", "openssl",
                "versions", List.of("1"))).assertProblem(400).detail()).contains("either a product or a service component");
        api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("component", unique("no-such"), "versions", List.of("1")))
                .assertProblem(404);
        assertThat(api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("component", catalogue.api(), "versions", List.of("1")))
                .assertProblem(422).problemCode()).isEqualTo("no-assets");
        Api.Response none = api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("component", catalogue.db(),
                "versions", List.of("1"), "vulnerabilities", List.of("CVE-1999-0001")));
        assertThat(none.assertProblem(422).problemCode()).isEqualTo("no-findings");
        assertThat(none.detail()).contains("CVE-1999-0001");
        assertThat(api().post("/api/v1/advisories", ADMIN_TOKEN, Map.of("component", catalogue.db(),
                "versions", List.of("1"), "vulnerabilities", List.of("cve-2026-42001"))).status()).isEqualTo(201);
    }

    @Test
    void draftedFromTheConsole() throws Exception {
        Catalogue catalogue = catalogue();
        UUID userId = api().createUser(ADMIN_TOKEN, unique("svc-console"), PASSWORD, List.of("soc-analyst"), null);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("vigil.user", userId);
        session.setAttribute("vigil.signedInAt", Instant.now());

        MockHttpServletResponse list = mockMvc.perform(get("/advisories").session(session)).andReturn().getResponse();
        assertThat(list.getContentAsString()).contains("component-draft-form");
        MockHttpServletResponse drafted = mockMvc.perform(post("/advisories/components").param("component", catalogue.db())
                .param("versions", "2026.11.2, 2026.11.3").param("fixedVersion", "2026.11.4").param("tlp", "WHITE")
                .with(csrf()).session(session)).andReturn().getResponse();
        assertThat(drafted.getStatus()).isEqualTo(302);
        String location = drafted.getRedirectedUrl();
        assertThat(location).matches("/advisories/[0-9a-f-]{36}");
        String page = mockMvc.perform(get(location).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Service component", catalogue.db(), "CVE-2026-42001", "2026.11.4");
        assertThat(mockMvc.perform(get("/advisories").session(session)).andReturn().getResponse().getContentAsString())
                .contains("service " + catalogue.db());

        var refused = mockMvc.perform(post("/advisories/components").param("component", catalogue.db()).param("versions", "")
                .with(csrf()).session(session)).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/advisories");
        assertThat(refused.getFlashMap().get("error").toString()).contains("versions");
    }
}
