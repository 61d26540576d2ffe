package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An incident's impact scope follows the asset inventory's dependency links from the affected assets. */
class ImpactScopeTest extends ServerTestBase {

    private String asset(String tenant, String name, String kind, List<String> hostnames) {
        Api.Response created = api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", tenant, "name", name, "kind", kind,
                "criticality", 4, "hostnames", hostnames));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
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
}
