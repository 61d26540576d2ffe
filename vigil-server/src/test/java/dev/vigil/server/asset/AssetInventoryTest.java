package dev.vigil.server.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The asset inventory over the API: CRUD, de-duplication, merge, links, software, CSV import, discovery and coverage. */
class AssetInventoryTest extends ServerTestBase {

    private Api.Response create(String tenant, String name, List<String> hostnames, List<String> addresses) {
        return api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", tenant, "name", name, "kind", "host",
                "criticality", 4, "internetExposed", true, "hostnames", hostnames, "addresses", addresses,
                "tags", List.of("pci")));
    }

    private Api.Response importCsv(String csv) {
        return api().sendBytes("POST", "/api/v1/assets/imports", ADMIN_TOKEN, "text/csv",
                HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
    }

    @Test
    void createsReadsUpdatesAndDeletesWithCanonicalIdentifiers() {
        String tenant = unique("inv");
        api().createTenant(ADMIN_TOKEN, tenant);
        Api.Response created = create(tenant, "Web-01", List.of("WEB01.Example.TEST."), List.of("2001:db8::1", "192.0.2.10"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode asset = created.json();
        assertThat(asset.path("hostnames").get(0).asString()).isEqualTo("web01.example.test");
        assertThat(asset.path("addresses").toString()).contains("192.0.2.10", "2001:db8:0:0:0:0:0:1");
        assertThat(asset.path("criticality").asInt()).isEqualTo(4);
        String id = asset.path("id").asString();

        Api.Response updated = api().put("/api/v1/assets/" + id, ADMIN_TOKEN, Map.of("owner", "web team", "criticality", 5));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.text("owner")).isEqualTo("web team");
        assertThat(updated.json().path("hostnames").size()).isEqualTo(1);
        assertThat(updated.json().path("version").asInt()).isEqualTo(2);

        assertThat(api().get("/api/v1/assets?search=192.0.2.10&tenant=" + tenant, ADMIN_TOKEN).json().size()).isEqualTo(1);
        assertThat(api().put("/api/v1/assets/" + id, ADMIN_TOKEN, Map.of("criticality", 9)).assertProblem(400).detail())
                .contains("criticality");
        assertThat(api().put("/api/v1/assets/" + id, ADMIN_TOKEN, Map.of("addresses", List.of("not-an-ip")))
                .assertProblem(400).detail()).contains("not-an-ip");
        assertThat(api().delete("/api/v1/assets/" + id, ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/assets/" + id, ADMIN_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void theSameHostUnderAnotherNameIsRefusedAndTwoAssetsFoundToBeOneAreMerged() {
        String tenant = unique("dup");
        api().createTenant(ADMIN_TOKEN, tenant);
        String first = create(tenant, "db-primary", List.of("db1.example.test"), List.of("198.51.100.7")).text("id");
        Api.Response clash = create(tenant, "database", List.of("DB1.example.test"), List.of());
        assertThat(clash.assertProblem(409).detail()).contains("db1.example.test", first);
        assertThat(create(tenant, "DB-PRIMARY", List.of(), List.of()).assertProblem(409).detail()).containsIgnoringCase("db-primary");

        String second = create(tenant, "db-replica-alias", List.of("db1-alt.example.test"), List.of()).text("id");
        String app = create(tenant, "app", List.of(), List.of()).text("id");
        assertThat(api().post("/api/v1/assets/" + app + "/links", ADMIN_TOKEN, Map.of("upstream", second)).status()).isEqualTo(201);
        assertThat(api().put("/api/v1/assets/" + second + "/software", ADMIN_TOKEN,
                List.of(Map.of("name", "postgresql", "version", "16.2", "purl", "pkg:generic/postgresql@16.2"))).status())
                .isEqualTo(200);

        Api.Response merged = api().post("/api/v1/assets/" + first + "/merge", ADMIN_TOKEN, Map.of("merged", second));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("hostnames").toString()).contains("db1.example.test", "db1-alt.example.test");
        // the merged asset's id leads to the survivor, which took over its links and software
        assertThat(api().get("/api/v1/assets/" + second, ADMIN_TOKEN).text("id")).isEqualTo(first);
        assertThat(api().get("/api/v1/assets/" + app + "/links", ADMIN_TOKEN).json().get(0).path("upstreamId").asString())
                .isEqualTo(first);
        assertThat(api().get("/api/v1/assets/" + first + "/software", ADMIN_TOKEN).json().get(0).path("name").asString())
                .isEqualTo("postgresql");
        assertThat(api().get("/api/v1/assets?tenant=" + tenant, ADMIN_TOKEN).json().size()).isEqualTo(2);
        assertThat(api().post("/api/v1/assets/" + first + "/merge", ADMIN_TOKEN, Map.of("merged", first))
                .assertProblem(400).detail()).contains("itself");
    }

    @Test
    void csvImportCreatesAndUpdatesAllRowsOrNoneAndNamesTheBadLine() {
        String tenant = unique("csv");
        api().createTenant(ADMIN_TOKEN, tenant);
        String csv = "name,tenant,kind,criticality,internet_exposed,data_sensitivity,tags,hostnames,addresses\n"
                + "mail," + tenant + ",host,5,yes,confidential,mx;pci,mail.example.test,192.0.2.25\n"
                + "\"billing db\"," + tenant + ",data-store,4,no,restricted,,billing-db.example.test,\n";
        Api.Response report = importCsv(csv);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().path("created").asInt()).isEqualTo(2);

        // a row naming a known host name updates that asset, whatever its name
        Api.Response again = importCsv("name,tenant,hostnames,criticality\nmx," + tenant + ",MAIL.example.test,3\n");
        assertThat(again.json().path("updated").asInt()).as(again.body()).isEqualTo(1);
        JsonNode mail = api().get("/api/v1/assets?search=mail.example.test&tenant=" + tenant, ADMIN_TOKEN).json().get(0);
        assertThat(mail.path("criticality").asInt()).isEqualTo(3);

        Api.Response bad = importCsv("name,tenant,criticality\nnew-one," + tenant + ",2\nbroken," + tenant + ",eleven\n");
        assertThat(bad.assertProblem(400).detail()).startsWith("line 3:").contains("eleven");
        assertThat(api().get("/api/v1/assets?search=new-one&tenant=" + tenant, ADMIN_TOKEN).json().size())
                .as("nothing of a refused file is kept").isZero();
        assertThat(importCsv("hostname\nx\n").assertProblem(400).detail()).contains("line 1");
    }

    @Test
    void tenantUsersSeeOnlyTheirTenantsAssets() {
        String mine = unique("own");
        String other = unique("oth");
        UUID mineId = api().createTenant(ADMIN_TOKEN, mine);
        api().createTenant(ADMIN_TOKEN, other);
        create(mine, "mine-host", List.of(), List.of());
        String foreign = create(other, "other-host", List.of(), List.of()).text("id");
        String user = unique("authz");
        api().createUser(ADMIN_TOKEN, user, PASSWORD, List.of("tenant-authorizer"), mineId);
        String token = api().login(user, PASSWORD);
        JsonNode visible = api().get("/api/v1/assets?limit=1000", token).json();
        assertThat(visible.findValuesAsString("tenant")).containsOnly(mine);
        assertThat(api().get("/api/v1/assets/" + foreign, token).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/assets", token, Map.of("tenant", mine, "name", "x")).status()).isEqualTo(403);
    }

    @Test
    void discoveryFromEventsCreatesHostsOnceAndCoverageShowsTheGaps() {
        String tenant = "platform";
        String host = unique("disc") + ".example.test";
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("disc-input"), tenant, "json"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String event = "{\"@timestamp\":\"" + Instant.now() + "\",\"vigil_run\":\"" + run + "\",\"host.name\":\"" + host
                + "\",\"host.ip\":\"" + address + "\",\"message\":\"hello\"}\n";
        assertThat(ingest.ndjson(token, event).statusCode()).isEqualTo(200);
        ingest.awaitCount(ADMIN_TOKEN, "vigil_run:" + run, 1);

        Api.Response report = api().post("/api/v1/assets/discoveries", ADMIN_TOKEN, Map.of("period", "1h"));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().path("createdNames").toString()).contains(tenant + "/" + host);
        Api.Response second = api().post("/api/v1/assets/discoveries", ADMIN_TOKEN, Map.of("period", "1h"));
        assertThat(second.json().path("createdNames").toString()).doesNotContain(host);

        JsonNode found = api().get("/api/v1/assets?search=" + host, ADMIN_TOKEN).json();
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).path("source").asString()).isEqualTo("discovery");
        assertThat(found.get(0).path("addresses").toString()).contains(address);

        JsonNode coverage = api().get("/api/v1/assets/" + found.get(0).path("id").asString() + "/coverage", ADMIN_TOKEN).json();
        assertThat(coverage.path("sendsLogs").asBoolean()).isTrue();
        assertThat(coverage.path("scanned").asBoolean()).isFalse();
        assertThat(coverage.path("monitored").asBoolean(true)).isFalse();
        assertThat(coverage.path("gaps").toString()).isEqualTo("[\"not-scanned\",\"not-monitored\",\"no-bastion-target\"]");

        String silent = create(tenant, unique("silent"), List.of(unique("quiet") + ".example.test"), List.of()).text("id");
        JsonNode gaps = api().get("/api/v1/assets/coverage?gapsOnly=true&tenant=" + tenant + "&limit=1000", ADMIN_TOKEN).json();
        JsonNode quiet = null;
        for (JsonNode row : gaps) {
            if (row.path("assetId").asString().equals(silent)) {
                quiet = row;
            }
        }
        assertThat(quiet).isNotNull();
        assertThat(quiet.path("gaps").toString()).contains("no-logs", "not-scanned");
    }

    private JsonNode coverageOf(String assetId) {
        Api.Response response = api().get("/api/v1/assets/" + assetId + "/coverage", ADMIN_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String createComponent(String tenant, List<String> assets, String scrapeUrl) {
        String name = unique("cov-comp");
        Map<String, Object> component = new java.util.LinkedHashMap<>();
        component.put("name", name);
        component.put("owner", "platform team");
        component.put("tenant", tenant);
        component.put("criticality", "high");
        component.put("exposure", "internal");
        component.put("assets", assets);
        if (scrapeUrl != null) {
            component.put("scrapeUrl", scrapeUrl);
            component.put("scrapeInterval", "1h");
        }
        Api.Response created = api().post("/api/v1/components", ADMIN_TOKEN, component);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    /** A monitor put in force at once (the emergency path of the approval flow). */
    private void createMonitor(String tenant, String targetKind, String targetName) {
        Map<String, Object> monitor = Map.of("name", unique("cov-mon"), "condition", "up == 0", "level", "warning",
                "target", Map.of(targetKind, targetName), "tenant", tenant, "receivers", Map.of("route", Map.of("team", "ops")),
                "disposal_plan", Map.of("summary", "Check it", "steps", List.of("Look at the host")));
        Api.Response applied = api().post("/api/v1/monitors", ADMIN_TOKEN, Map.of("monitor", monitor, "reason", "coverage test",
                "emergency", true));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.text("state")).isEqualTo("applied");
    }

    private void createBastionTarget(UUID tenantId, String assetRef) {
        Api.Response created = api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", unique("cov-target"),
                "host", "10.0.0.7", "assetRef", assetRef, "tenantId", tenantId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void coverageReportsMonitoringAndBastionTargetsPerTenant() {
        String tenant = unique("cov");
        String other = unique("cov-other");
        UUID tenantId = api().createTenant(ADMIN_TOKEN, tenant);
        UUID otherId = api().createTenant(ADMIN_TOKEN, other);
        String scraped = create(tenant, unique("Scraped"), List.of(), List.of()).text("id");
        String scrapedName = api().get("/api/v1/assets/" + scraped, ADMIN_TOKEN).text("name");
        String fronted = create(tenant, unique("fronted"), List.of(), List.of()).text("id");
        String listedOnly = create(tenant, unique("listed"), List.of(), List.of()).text("id");
        String listedOnlyName = api().get("/api/v1/assets/" + listedOnly, ADMIN_TOKEN).text("name");
        String bare = create(tenant, unique("bare"), List.of(), List.of()).text("id");
        String namesake = create(other, scrapedName, List.of(), List.of()).text("id");

        createComponent(tenant, List.of(scrapedName.toUpperCase()), "http://127.0.0.1:9/metrics");
        createComponent(tenant, List.of(listedOnlyName), null);
        createBastionTarget(tenantId, fronted);

        JsonNode monitored = coverageOf(scraped);
        assertThat(monitored.path("monitored").asBoolean(false)).isTrue();
        assertThat(monitored.path("viaBastion").asBoolean(true)).isFalse();
        assertThat(monitored.path("gaps").toString()).doesNotContain("not-monitored").contains("no-bastion-target");

        JsonNode viaBastion = coverageOf(fronted);
        assertThat(viaBastion.path("viaBastion").asBoolean(false)).isTrue();
        assertThat(viaBastion.path("monitored").asBoolean(true)).isFalse();
        assertThat(viaBastion.path("gaps").toString()).doesNotContain("no-bastion-target").contains("not-monitored");

        assertThat(coverageOf(listedOnly).path("monitored").asBoolean(true))
                .as("a component that is neither scraped nor probed nor targeted watches nothing").isFalse();

        JsonNode neither = coverageOf(bare);
        assertThat(neither.path("monitored").asBoolean(true)).isFalse();
        assertThat(neither.path("viaBastion").asBoolean(true)).isFalse();
        assertThat(neither.path("gaps").toString()).contains("not-monitored", "no-bastion-target");

        JsonNode foreign = coverageOf(namesake);
        assertThat(foreign.path("monitored").asBoolean(true)).as("another tenant's component does not cover it").isFalse();
        createBastionTarget(otherId, namesake.toUpperCase());
        assertThat(coverageOf(namesake).path("viaBastion").asBoolean(false)).as("asset id, any case").isTrue();
        assertThat(coverageOf(scraped).path("viaBastion").asBoolean(true)).isFalse();

        JsonNode gaps = api().get("/api/v1/assets/coverage?gapsOnly=true&tenant=" + tenant, ADMIN_TOKEN).json();
        assertThat(gaps.findValuesAsString("assetId")).contains(scraped, fronted, listedOnly, bare);
    }

    @Test
    void aLiveMonitorMakesAnAssetMonitoredByNameOrThroughItsComponent() {
        String tenant = unique("covm");
        api().createTenant(ADMIN_TOKEN, tenant);
        String byName = create(tenant, unique("watched"), List.of(), List.of()).text("id");
        String throughComponent = create(tenant, unique("behind"), List.of(), List.of()).text("id");
        String grouped = create(tenant, unique("grouped"), List.of(), List.of()).text("id");
        assertThat(coverageOf(byName).path("monitored").asBoolean(true)).isFalse();

        createMonitor(tenant, "asset", api().get("/api/v1/assets/" + byName, ADMIN_TOKEN).text("name"));
        String component = createComponent(tenant, List.of(throughComponent), null);
        assertThat(coverageOf(throughComponent).path("monitored").asBoolean(true)).as("listed by id, not watched yet").isFalse();
        createMonitor(tenant, "component", component);
        createMonitor(tenant, "group", api().get("/api/v1/assets/" + grouped, ADMIN_TOKEN).text("name"));

        assertThat(coverageOf(byName).path("monitored").asBoolean(false)).isTrue();
        assertThat(coverageOf(throughComponent).path("monitored").asBoolean(false)).isTrue();
        assertThat(coverageOf(grouped).path("monitored").asBoolean(true)).as("a group names no assets").isFalse();
    }
}
