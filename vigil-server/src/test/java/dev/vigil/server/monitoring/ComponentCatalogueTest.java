package dev.vigil.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;

/** The component catalogue: dependencies both ways, no cycles, nothing deleted that others rely on, clear refusals. */
class ComponentCatalogueTest extends ServerTestBase {

    private Map<String, Object> component(String name, List<String> upstream) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("owner", "platform team");
        c.put("criticality", "critical");
        c.put("exposure", "internal");
        c.put("assets", List.of("db-01", "db-02"));
        c.put("upstream", upstream);
        return c;
    }

    @Test
    void dependenciesAreShownBothWaysAndCannotFormACycle() {
        String db = unique("db");
        String api = unique("api");
        String web = unique("web");
        String dbId = api().post("/api/v1/components", ADMIN_TOKEN, component(db, List.of())).text("id");
        String apiId = api().post("/api/v1/components", ADMIN_TOKEN, component(api, List.of(db))).text("id");
        Api.Response webCreated = api().post("/api/v1/components", ADMIN_TOKEN, component(web, List.of(api)));
        assertThat(webCreated.status()).isEqualTo(201);
        assertThat(api().get("/api/v1/components/" + apiId, ADMIN_TOKEN).json().path("downstream").path(0).asString()).isEqualTo(web);
        assertThat(api().get("/api/v1/components/" + dbId, ADMIN_TOKEN).json().path("downstream").path(0).asString()).isEqualTo(api);
        assertThat(api().get("/api/v1/components/" + dbId, ADMIN_TOKEN).text("health")).isEqualTo("not scraped");

        Api.Response cycle = api().put("/api/v1/components/" + dbId, ADMIN_TOKEN, component(db, List.of(web))).assertProblem(400);
        assertThat(cycle.detail()).contains("cycle", db + " -> " + web + " -> " + api + " -> " + db);
        assertThat(api().put("/api/v1/components/" + dbId, ADMIN_TOKEN, component(db, List.of(db))).assertProblem(400).detail())
                .contains("itself");
        assertThat(api().get("/api/v1/components/" + dbId, ADMIN_TOKEN).json().path("upstream").size()).as("refused change left nothing").isZero();

        assertThat(api().delete("/api/v1/components/" + dbId, ADMIN_TOKEN).assertProblem(409).detail()).contains(api);
        assertThat(api().delete("/api/v1/components/" + webCreated.text("id"), ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/components/" + apiId, ADMIN_TOKEN).json().path("downstream").size()).isZero();
    }

    @Test
    void badComponentsAreRefusedNamingTheProblem() {
        Map<String, Object> c = component(unique("x"), List.of());
        c.remove("owner");
        assertThat(api().post("/api/v1/components", ADMIN_TOKEN, c).assertProblem(400).detail()).contains("owner");
        c = component(unique("x"), List.of("no-such-upstream"));
        assertThat(api().post("/api/v1/components", ADMIN_TOKEN, c).assertProblem(400).detail()).contains("no-such-upstream");
        c = component(unique("x"), List.of());
        c.put("criticality", "huge");
        assertThat(api().post("/api/v1/components", ADMIN_TOKEN, c).assertProblem(400).detail()).contains("criticality");
        c = component(unique("x"), List.of());
        c.put("scrapeUrl", "ftp://host/metrics");
        assertThat(api().post("/api/v1/components", ADMIN_TOKEN, c).assertProblem(400).detail()).contains("scrapeUrl");
        c = component("Bad Name", List.of());
        assertThat(api().post("/api/v1/components", ADMIN_TOKEN, c).assertProblem(400).detail()).contains("name");
        String name = unique("dup");
        assertThat(api().post("/api/v1/components", ADMIN_TOKEN, component(name, List.of())).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/components", ADMIN_TOKEN, component(name, List.of())).assertProblem(409).status()).isEqualTo(409);
        assertThat(api().get("/api/v1/metrics/query?query=up%20%3D%3D", ADMIN_TOKEN).assertProblem(400).problemCode()).isEqualTo("invalid-query");
    }
}
