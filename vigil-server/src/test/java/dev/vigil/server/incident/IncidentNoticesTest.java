package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tenants an incident affects (here its own and a customer whose component depends on the affected one) are told
 * through tenant notices: the template of the incident's type and level is filled per tenant and previewed, then sent to
 * the tenant's contacts over a real webhook, noted on the timeline with its delivery, and audited.
 */
class IncidentNoticesTest extends ServerTestBase {

    private HttpServer http;
    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startWebhook() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getPath() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
    }

    @AfterEach
    void stopWebhook() {
        http.stop(0);
    }

    private void contact(UUID tenant, String name, String path) {
        Api.Response created = api().post("/api/v1/tenants/" + tenant + "/contacts", ADMIN_TOKEN, Map.of("name", name,
                "topics", List.of("incident"), "channel", Map.of("type", "webhook", "url", "http://127.0.0.1:" + http.getAddress().getPort() + path)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static List<String> texts(JsonNode timeline) {
        List<String> texts = new ArrayList<>();
        timeline.forEach(e -> texts.add(e.path("text").asString()));
        return texts;
    }

    @Test
    void affectedTenantsGetAPreviewedTemplatedNoticeRecordedOnTheCase() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = unique("owner");
        String customer = unique("shop");
        UUID tenantId = api().createTenant(ADMIN_TOKEN, tenant);
        UUID customerId = api().createTenant(ADMIN_TOKEN, customer);
        contact(tenantId, "owner desk", "/owner/" + run);
        contact(customerId, "shop soc", "/shop/" + run);
        assertThat(api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", tenant, "name", "pay-db", "kind", "data-store",
                "dataSensitivity", "restricted")).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/components", ADMIN_TOKEN, Map.of("name", "pay-svc-" + run, "owner", "ops", "tenant", tenant,
                "criticality", "critical", "exposure", "internal", "assets", List.of("pay-db"))).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/components", ADMIN_TOKEN, Map.of("name", "shop-checkout-" + run, "owner", "shop", "tenant", customer,
                "criticality", "high", "exposure", "external", "upstream", List.of("pay-svc-" + run))).status()).isEqualTo(201);
        Api.Response incident = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Card data copied from pay-db",
                "summary", "exfiltration seen", "type", "data-leakage", "tenant", tenant, "affectedAssets", List.of("pay-db")));
        String id = incident.text("id");
        String ref = incident.text("ref");
        assertThat(api().put("/api/v1/incidents/" + id + "/level", ADMIN_TOKEN, Map.of("level", 1, "reason", "card data")).status()).isEqualTo(200);

        String base = "/api/v1/incidents/" + id + "/notices";
        assertThat(api().post(base + "/preview", ADMIN_TOKEN, Map.of("contact", "soc@provider.example"))
                .assertProblem(400).detail()).contains("no value for placeholder(s) actions");
        assertThat(api().post(base + "/preview", ADMIN_TOKEN, Map.of("tenants", List.of("nobody-" + run), "actions", "x", "contact", "y"))
                .assertProblem(400).detail()).contains("'nobody-" + run + "' is not affected by " + ref).contains(tenant).contains(customer);
        assertThat(api().post(base + "/preview", ADMIN_TOKEN, Map.of("actions", "x", "contact", "y", "subject", "About {{customer}}"))
                .assertProblem(400).detail()).contains("no value for placeholder(s) customer");

        Map<String, Object> request = Map.of("actions", "Rotate the API keys of your payment integration.",
                "contact", "soc@provider.example, +41 44 000 00 00");
        Api.Response preview = api().post(base + "/preview", ADMIN_TOKEN, request);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json()).extracting(p -> p.path("tenant").asString()).containsExactly(tenant, customer);
        JsonNode shop = preview.json().get(1);
        assertThat(shop.path("template").asString()).isEqualTo("data-leakage, any level");
        assertThat(shop.path("subject").asString()).isEqualTo("[" + ref + "] Possible exposure of your data");
        assertThat(shop.path("services")).extracting(JsonNode::asString).containsExactly("shop-checkout-" + run);
        assertThat(shop.path("body").asString()).contains("incident " + ref + " \"Card data copied from pay-db\" (level I (P1))",
                "Affected services and data stores: shop-checkout-" + run, "Rotate the API keys of your payment integration.",
                "Questions: soc@provider.example, +41 44 000 00 00", "(ongoing)").doesNotContain("{{");
        assertThat(preview.json().get(0).path("services")).extracting(JsonNode::asString).containsExactly("pay-svc-" + run, "pay-db");
        ConsolePages console = new ConsolePages(mockMvc, jdbc);
        String shownPreview = console.submit("/incidents/" + id + "/notices/preview", Map.of("tenants", customer, "actions",
                "Rotate the keys & tell us.", "contact", "soc@provider.example")).getResponse().getContentAsString();
        assertThat(shownPreview).contains("To " + customer + " · template: data-leakage, any level", "Possible exposure of your data",
                "Rotate the keys &amp; tell us.").doesNotContain("To " + tenant + " ");
        assertThat(received).isEmpty();

        String analyst = unique("analyst");
        api().createUser(ADMIN_TOKEN, analyst, PASSWORD, List.of("soc-analyst"), null);
        assertThat(api().post(base, api().createToken(ADMIN_TOKEN, analyst, List.of()), request).status()).isEqualTo(403);

        Api.Response sent = api().post(base, ADMIN_TOKEN, Map.of("tenants", List.of(customer), "actions", request.get("actions"),
                "contact", request.get("contact")));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json()).singleElement().satisfies(n -> {
            assertThat(n.path("tenant").asString()).isEqualTo(customer);
            assertThat(n.path("reference").asString()).isEqualTo("incident:" + id);
            assertThat(n.path("deliveries")).extracting(d -> d.path("contact").asString()).containsExactly("shop soc");
        });
        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(texts(api().get("/api/v1/incidents/" + id,
                ADMIN_TOKEN).json().path("timeline"))).contains("Notice \"[" + ref + "] Possible exposure of your data\" to " + customer
                + " contact shop soc (webhook): sent"));
        assertThat(received).singleElement().satisfies(r -> assertThat(r).startsWith("/shop/" + run).contains("Possible exposure of your data"));
        assertThat(texts(api().get("/api/v1/incidents/" + id, ADMIN_TOKEN).json().path("timeline")))
                .contains("Tenant " + customer + " notified: \"[" + ref + "] Possible exposure of your data\" (1 contact(s))");
        assertThat(api().get(base, ADMIN_TOKEN).json()).hasSize(1);
        Integer audited = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'incident.notify' AND object_id = ?")
                .param(id).query(Integer.class).single();
        assertThat(audited).isEqualTo(1);
        assertThat(console.page("/incidents/" + id)).contains("id=\"sent-notices\"", "shop soc: sent", "id=\"notice-form\"");
    }
}
