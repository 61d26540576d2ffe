package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An incident's impact scope follows the asset inventory's dependency links from the affected assets, the component
 * catalogue's dependency graph from the components on them (across tenants), takes in the hosts an attached event
 * search finds, and carries the harm assessment.
 */
class ImpactScopeTest extends ServerTestBase {

    @Autowired
    AlertIntake intake;

    private String asset(String tenant, String name, String kind, List<String> hostnames) {
        Api.Response created = api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", tenant, "name", name, "kind", kind,
                "criticality", 4, "hostnames", hostnames));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private String asset(String tenant, String name, String kind, String sensitivity, List<String> hostnames) {
        Api.Response created = api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", tenant, "name", name, "kind", kind,
                "criticality", 4, "dataSensitivity", sensitivity, "hostnames", hostnames));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private void component(String name, String tenant, List<String> assets, List<String> upstream) {
        Api.Response created = api().post("/api/v1/components", ADMIN_TOKEN, Map.of("name", name, "owner", "ops", "tenant", tenant,
                "criticality", "high", "exposure", "internal", "assets", assets, "upstream", upstream));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static Map<String, String> relations(JsonNode components) {
        Map<String, String> relations = new LinkedHashMap<>();
        components.forEach(c -> relations.put(c.path("name").asString(), c.path("relation").asString()));
        return relations;
    }

    private void dependsOn(String downstream, String upstream) {
        assertThat(api().post("/api/v1/assets/" + downstream + "/links", ADMIN_TOKEN, Map.of("upstream", upstream)).status()).isEqualTo(201);
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.path("name").asString()));
        return names;
    }

    @Test
    void theScopeIsTheAffectedAssetsWhatDependsOnThemAndWhatTheyDependOn() {
        String tenant = unique("scope");
        api().createTenant(ADMIN_TOKEN, tenant);
        String db = asset(tenant, "orders-db", "data-store", List.of("db01." + tenant + ".test"));
        String app = asset(tenant, "orders-app", "service", List.of());
        String web = asset(tenant, "shop-web", "service", List.of());
        String storage = asset(tenant, "san-02", "network-device", List.of());
        asset(tenant, "unrelated", "host", List.of());
        dependsOn(app, db);
        dependsOn(web, app);
        dependsOn(db, storage);

        Api.Response incident = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Orders database encrypted",
                "summary", "ransomware on the orders database host", "tenant", tenant));
        assertThat(incident.status()).as(incident.body()).isEqualTo(201);
        String id = incident.text("id");
        assertThat(api().post("/api/v1/incidents/" + id + "/observables", ADMIN_TOKEN,
                Map.of("kind", "host", "value", "DB01." + tenant + ".test")).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/incidents/" + id + "/observables", ADMIN_TOKEN,
                Map.of("kind", "host", "value", "laptop-17." + tenant + ".test")).status()).isEqualTo(201);

        JsonNode scope = api().get("/api/v1/incidents/" + id + "/scope", ADMIN_TOKEN).json();
        assertThat(names(scope.path("affected"))).containsExactly("orders-db");
        assertThat(names(scope.path("downstream"))).containsExactlyInAnyOrder("orders-app", "shop-web");
        assertThat(names(scope.path("upstream"))).containsExactly("san-02");
        assertThat(scope.path("downstream").findValuesAsString("via")).contains("depends on orders-db", "depends on orders-app");
        List<String> unresolved = new ArrayList<>();
        scope.path("unresolved").forEach(n -> unresolved.add(n.asString()));
        assertThat(unresolved).containsExactly("laptop-17." + tenant + ".test");
        assertThat(scope.path("affected").get(0).path("id").asString()).isEqualTo(db);
        assertThat(api().get("/api/v1/incidents/" + java.util.UUID.randomUUID() + "/scope", ADMIN_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void componentsTenantsDataAndTheHostsOfAnAttachedEventSearchJoinTheScope() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = unique("scope");
        String customer = unique("cust");
        api().createTenant(ADMIN_TOKEN, tenant);
        api().createTenant(ADMIN_TOKEN, customer);
        String dbHost = "db01." + tenant + ".test";
        String webHost = "web07." + tenant + ".test";
        String db = asset(tenant, "billing-db", "data-store", "restricted", List.of(dbHost));
        String app = asset(tenant, "billing-app", "service", "internal", List.of());
        String archive = asset(tenant, "billing-archive", "data-store", "confidential", List.of());
        asset(tenant, "web-07", "host", "internal", List.of(webHost));
        dependsOn(app, db);
        dependsOn(db, archive);
        // the catalogue: a shared DNS the database service needs, the database service on billing-db, a customer's API
        // on it and that customer's portal on the API; one component elsewhere
        component("dns-" + run, "platform", List.of(), List.of());
        component("billing-db-svc-" + run, tenant, List.of("BILLING-DB"), List.of("dns-" + run));
        component("cust-api-" + run, customer, List.of(), List.of("billing-db-svc-" + run));
        component("cust-portal-" + run, customer, List.of(), List.of("cust-api-" + run));
        component("elsewhere-" + run, customer, List.of(), List.of("dns-" + run));

        UUID alert = IncidentApiTest.raise(intake, tenant, "Ransom note on " + dbHost, AlertSeverity.CRITICAL,
                Map.of("host.name", dbHost), Instant.now());
        Api.Response incident = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("alertIds", List.of(alert)));
        assertThat(incident.status()).as(incident.body()).isEqualTo(201);
        String id = incident.text("id");

        JsonNode scope = api().get("/api/v1/incidents/" + id + "/scope", ADMIN_TOKEN).json();
        assertThat(names(scope.path("affected"))).containsExactly("billing-db");
        assertThat(names(scope.path("downstream"))).containsExactly("billing-app");
        assertThat(names(scope.path("upstream"))).containsExactly("billing-archive");
        assertThat(relations(scope.path("components"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "billing-db-svc-" + run, "affected", "cust-api-" + run, "downstream", "cust-portal-" + run, "downstream",
                "dns-" + run, "upstream"));
        assertThat(scope.path("components").findValuesAsString("via")).contains("runs on billing-db", "depends on cust-api-" + run);
        Map<String, List<String>> tenants = new LinkedHashMap<>();
        scope.path("tenants").forEach(t -> {
            List<String> reasons = new ArrayList<>();
            t.path("reasons").forEach(r -> reasons.add(r.asString()));
            tenants.put(t.path("tenant").asString(), reasons);
        });
        assertThat(tenants).containsOnlyKeys(tenant, customer);
        assertThat(tenants.get(tenant)).contains("asset billing-db", "asset billing-app", "alert " + alert, "component billing-db-svc-" + run);
        assertThat(tenants.get(customer)).containsExactly("component cust-api-" + run, "component cust-portal-" + run);
        Map<String, String> data = new LinkedHashMap<>();
        scope.path("data").forEach(d -> data.put(d.path("name").asString(), d.path("sensitivity").asString() + "/" + d.path("relation").asString()));
        assertThat(data).containsExactlyInAnyOrderEntriesOf(Map.of("billing-db", "restricted/affected", "billing-archive", "confidential/upstream"));
        assertThat(scope.path("highestSensitivity").asString()).isEqualTo("restricted");
        assertThat(scope.path("search").isNull()).isTrue();

        // an event search of the tenant names web-07: attached, it joins the affected assets
        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("scope-in"), tenant, "json"));
        assertThat(ingest.ndjson(token, "{\"message\":\"encryptor started " + run + "\",\"host\":{\"name\":\"" + webHost + "\"}}\n")
                .statusCode()).isEqualTo(200);
        ingest.awaitCount(ADMIN_TOKEN, "encryptor AND " + run, 1);
        Api.Response saved = api().post("/api/v1/events/saved-searches", ADMIN_TOKEN, Map.of("name", "encryptor-" + run,
                "query", "encryptor AND " + run, "timeRange", "1h"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        Api.Response attached = api().put("/api/v1/incidents/" + id + "/scope/search", ADMIN_TOKEN, Map.of("savedSearchId", saved.text("id")));
        assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        assertThat(names(attached.json().path("affected"))).containsExactly("billing-db", "web-07");
        assertThat(attached.json().path("affected").get(1).path("via").asString()).isEqualTo(webHost + " (event search 'encryptor-" + run + "')");
        assertThat(attached.json().path("search").path("hosts").get(0).asString()).isEqualTo(webHost);
        assertThat(Instant.parse(attached.json().path("search").path("to").asString()))
                .isEqualTo(Instant.parse(attached.json().path("search").path("from").asString()).plus(Duration.ofHours(1)));
        assertThat(api().put("/api/v1/incidents/" + id + "/scope/search", ADMIN_TOKEN, Map.of("savedSearchId", UUID.randomUUID()))
                .assertProblem(404).status()).isEqualTo(404);
        Api.Response badSearch = api().post("/api/v1/events/saved-searches", ADMIN_TOKEN, Map.of("name", "broken-" + run,
                "query", "(unclosed", "timeRange", "1h"));
        assertThat(api().put("/api/v1/incidents/" + id + "/scope/search", ADMIN_TOKEN, Map.of("savedSearchId", badSearch.text("id")))
                .assertProblem(400).detail()).contains("broken-" + run);
        Map<String, Object> detach = new LinkedHashMap<>();
        detach.put("savedSearchId", null);
        Api.Response detached = api().put("/api/v1/incidents/" + id + "/scope/search", ADMIN_TOKEN, detach);
        assertThat(detached.status()).as(detached.body()).isEqualTo(200);
        assertThat(names(detached.json().path("affected"))).containsExactly("billing-db");

        // the harm assessment: validated, kept, on the timeline and in the audit trail
        assertThat(scope.path("harm").path("confidentiality").asString()).isEqualTo("unknown");
        assertThat(api().put("/api/v1/incidents/" + id + "/harm", ADMIN_TOKEN, Map.of("confidentiality", "catastrophic"))
                .assertProblem(400).detail()).contains("confidentiality must be one of unknown, none, low, medium, high");
        assertThat(api().put("/api/v1/incidents/" + id + "/harm", ADMIN_TOKEN, Map.of("recordsAffected", -1))
                .assertProblem(400).detail()).contains("recordsAffected cannot be negative");
        Api.Response harm = api().put("/api/v1/incidents/" + id + "/harm", ADMIN_TOKEN, Map.of("confidentiality", "high",
                "integrity", "low", "availability", "medium", "recordsAffected", 120000, "peopleAffected", 4500, "regulatoryReport", true));
        assertThat(harm.status()).as(harm.body()).isEqualTo(200);
        JsonNode assessed = api().get("/api/v1/incidents/" + id + "/scope", ADMIN_TOKEN).json().path("harm");
        assertThat(assessed.path("confidentiality").asString()).isEqualTo("high");
        assertThat(assessed.path("availability").asString()).isEqualTo("medium");
        assertThat(assessed.path("recordsAffected").asLong()).isEqualTo(120000);
        assertThat(assessed.path("peopleAffected").asLong()).isEqualTo(4500);
        assertThat(assessed.path("regulatoryReport").asBoolean()).isTrue();
        assertThat(assessed.path("assessedBy").asString()).isEqualTo("admin");
        JsonNode timeline = api().get("/api/v1/incidents/" + id, ADMIN_TOKEN).json().path("timeline");
        assertThat(timeline.findValuesAsString("text")).anySatisfy(t -> assertThat(t).startsWith("Harm assessed: confidentiality high"))
                .anySatisfy(t -> assertThat(t).startsWith("Event search 'encryptor-" + run + "' attached"));
        Integer audited = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'incident.harm' AND object_id = ?")
                .param(id).query(Integer.class).single();
        assertThat(audited).isEqualTo(1);

        // the console shows the scope and takes a harm assessment
        String shown = new ConsolePages(mockMvc, jdbc).page("/incidents/" + id);
        assertThat(shown).contains("cust-portal-" + run, "depends on cust-api-" + run, "component cust-portal-" + run,
                "billing-archive (" + tenant + "): confidential, upstream", "high · low · medium", "120000 · 4500");
        ConsolePages console = new ConsolePages(mockMvc, jdbc);
        var posted = console.submit("/incidents/" + id + "/harm", Map.of("confidentiality", "medium", "recordsAffected", "many"));
        assertThat(posted.getResponse().getStatus()).isEqualTo(302);
        assertThat(posted.getFlashMap().get("error")).isEqualTo("recordsAffected must be a whole number");
        console.submit("/incidents/" + id + "/harm", Map.of("confidentiality", "medium", "integrity", "low", "availability", "medium",
                "recordsAffected", "5", "regulatoryReport", "false"));
        JsonNode changed = api().get("/api/v1/incidents/" + id + "/scope", ADMIN_TOKEN).json().path("harm");
        assertThat(changed.path("confidentiality").asString()).isEqualTo("medium");
        assertThat(changed.path("recordsAffected").asLong()).isEqualTo(5);
        assertThat(changed.path("regulatoryReport").asBoolean(true)).isFalse();
    }
}
