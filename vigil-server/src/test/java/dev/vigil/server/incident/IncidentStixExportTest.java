package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.stix.bundle.StixBundleReader;
import dev.vigil.intel.stix.bundle.StixIndicator;
import dev.vigil.intel.stix.compile.PatternCompilation;
import dev.vigil.intel.stix.compile.PatternIndicatorCompiler;
import dev.vigil.intel.stix.pattern.StixPatternParser;
import dev.vigil.intel.stix.share.TlpMarking;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An incident's observables leave Vigil as a STIX 2.1 bundle that Vigil's own pattern validator and STIX feed reader
 * accept and read back as the same indicators, marked with the incident's TLP, produced by its tenant, with the same
 * indicator id for the same observable; only callers who may read the incident get it.
 */
class IncidentStixExportTest extends ServerTestBase {

    private static final String SHA512 = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
            + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";

    @TempDir
    Path dir;

    @Test
    void theBundleHoldsAValidIndicatorPerObservableAndReadsBackThroughTheStixFeedReader() throws Exception {
        String slug = unique("acme");
        api().createTenant(ADMIN_TOKEN, slug);
        String id = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Phishing wave", "summary", "mails to finance",
                "tenant", slug)).text("id");
        String path = "/api/v1/incidents/" + id;
        List<String[]> observables = List.of(
                new String[] {"ip", "203.0.113.9"}, new String[] {"ip", "2001:db8::7"}, new String[] {"domain", "evil.example"},
                new String[] {"url", "http://evil.example/it's?a=\\b"}, new String[] {"hash", "d41d8cd98f00b204e9800998ecf8427e"},
                new String[] {"hash", "da39a3ee5e6b4b0d3255bfef95601890afd80709"},
                new String[] {"hash", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
                new String[] {"hash", SHA512}, new String[] {"email", "ceo@evil.example"}, new String[] {"user", "alice"},
                new String[] {"host", "ws-17"});
        for (String[] observable : observables) {
            Api.Response added = api().post(path + "/observables", ADMIN_TOKEN, Map.of("kind", observable[0], "value", observable[1],
                    "note", "seen in " + observable[0]));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        assertThat(api().get(path, ADMIN_TOKEN).text("tlp")).as("incidents are shared as TLP:AMBER unless set").isEqualTo("amber");
        assertThat(api().put(path + "/tlp", ADMIN_TOKEN, Map.of("tlp", "orange")).assertProblem(400).detail()).contains("amber+strict");
        assertThat(api().put(path + "/tlp", ADMIN_TOKEN, Map.of("tlp", "TLP:GREEN")).text("tlp")).isEqualTo("green");

        Api.Response exported = api().get(path + "/stix", ADMIN_TOKEN);
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("application/stix+json;version=2.1");
        JsonNode bundle = exported.json();
        assertThat(bundle.path("type").asString()).isEqualTo("bundle");
        List<JsonNode> indicators = objects(bundle, "indicator");
        assertThat(indicators).hasSize(9);
        for (JsonNode indicator : indicators) {
            String pattern = indicator.path("pattern").asString();
            assertThat(StixPatternParser.isValid(pattern)).as(pattern).isTrue();
            assertThat(indicator.path("object_marking_refs").get(0).asString()).isEqualTo(TlpMarking.GREEN.id());
            assertThat(indicator.path("description").asString()).startsWith("seen in ");
        }
        JsonNode marking = objects(bundle, "marking-definition").getFirst();
        assertThat(marking.path("id").asString()).isEqualTo(TlpMarking.GREEN.id());
        assertThat(marking.path("name").asString()).isEqualTo("TLP:GREEN");
        JsonNode identity = objects(bundle, "identity").getFirst();
        assertThat(identity.path("name").asString()).isEqualTo("Tenant " + slug);
        JsonNode report = objects(bundle, "report").getFirst();
        String ref = api().get(path, ADMIN_TOKEN).text("ref");
        assertThat(report.path("name").asString()).isEqualTo(ref + ": Phishing wave");
        assertThat(report.path("created_by_ref").asString()).isEqualTo(identity.path("id").asString());
        assertThat(report.path("object_refs").valueStream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(indicators.stream().map(i -> i.path("id").asString()).toList());
        assertThat(report.path("description").asString()).contains("Not shared (no STIX indicator form): 2 observable(s) of kind host, user");

        Path file = dir.resolve("export.json");
        Files.writeString(file, exported.body());
        StixBundleReader.Result read = new StixBundleReader().read(file);
        assertThat(read.problems()).isEmpty();
        List<String> reimported = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (StixIndicator indicator : read.indicators()) {
            PatternCompilation compiled = PatternIndicatorCompiler.compile(indicator, "partner");
            compiled.indicators().stream().map(IncidentStixExportTest::describe).forEach(reimported::add);
            problems.addAll(compiled.problems());
        }
        assertThat(reimported).containsExactlyInAnyOrder("ipv4 203.0.113.9", "ipv6 2001:db8::7", "domain evil.example",
                "url http://evil.example/it's?a=\\b", "md5 d41d8cd98f00b204e9800998ecf8427e",
                "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709",
                "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "email ceo@evil.example");
        assertThat(problems).as("Vigil's index has no SHA-512 table; the pattern is valid STIX all the same")
                .singleElement().asString().contains("SHA-512").contains("not an indexed indicator property");

        JsonNode again = api().get(path + "/stix", ADMIN_TOKEN).json();
        assertThat(objects(again, "indicator").stream().map(i -> i.path("id").asString()).toList())
                .containsExactlyElementsOf(indicators.stream().map(i -> i.path("id").asString()).toList());
        String second = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Same C2", "summary", "s", "tenant", slug)).text("id");
        api().post("/api/v1/incidents/" + second + "/observables", ADMIN_TOKEN, Map.of("kind", "ip", "value", "203.0.113.9"));
        String sameIp = objects(api().get("/api/v1/incidents/" + second + "/stix", ADMIN_TOKEN).json(), "indicator").getFirst()
                .path("id").asString();
        assertThat(sameIp).as("the same observable of the same producer keeps its indicator id")
                .isEqualTo(indicators.stream().filter(i -> i.path("pattern").asString().contains("203.0.113.9")).findFirst()
                        .orElseThrow().path("id").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'incident.stix.export' AND object_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT body->>'after' FROM audit_record WHERE action = 'incident.tlp' AND object_id = ?")
                .param(id).query(String.class).single()).isEqualTo("green");
    }

    @Test
    void anIncidentWithoutSharableObservablesIsRefused() {
        String id = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Insider", "summary", "s")).text("id");
        api().post("/api/v1/incidents/" + id + "/observables", ADMIN_TOKEN, Map.of("kind", "user", "value", "mallory"));
        assertThat(api().get("/api/v1/incidents/" + id + "/stix", ADMIN_TOKEN).assertProblem(409).detail()).contains("no observable");
        assertThat(api().get("/api/v1/incidents/" + UUID.randomUUID() + "/stix", ADMIN_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void aUserOfAnotherTenantCannotExportTheIncident() {
        String slugA = unique("initech");
        String slugB = unique("umbrella");
        UUID tenantA = api().createTenant(ADMIN_TOKEN, slugA);
        UUID tenantB = api().createTenant(ADMIN_TOKEN, slugB);
        String role = unique("tenant-reader");
        assertThat(api().post("/api/v1/roles", ADMIN_TOKEN, Map.of("name", role, "description", "reads its tenant's incidents",
                "permissions", List.of("incident:read:own-tenant", "incident:update:own-tenant"))).status()).isEqualTo(201);
        String userA = unique("reader-a");
        String userB = unique("reader-b");
        api().createUser(ADMIN_TOKEN, userA, PASSWORD, List.of(role), tenantA);
        api().createUser(ADMIN_TOKEN, userB, PASSWORD, List.of(role), tenantB);
        String id = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "A's case", "summary", "s", "tenant", slugA)).text("id");
        api().post("/api/v1/incidents/" + id + "/observables", ADMIN_TOKEN, Map.of("kind", "domain", "value", "c2.evil.example"));

        String readerA = api().login(userA, PASSWORD);
        String readerB = api().login(userB, PASSWORD);
        assertThat(api().get("/api/v1/incidents/" + id + "/stix", readerA).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/incidents/" + id + "/stix", readerB).assertProblem(404).status()).isEqualTo(404);
        assertThat(api().put("/api/v1/incidents/" + id + "/tlp", readerB, Map.of("tlp", "clear")).assertProblem(404).status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/incidents/" + id, ADMIN_TOKEN).text("tlp")).isEqualTo("amber");
    }

    private static String describe(Indicator indicator) {
        return indicator.type().label() + " " + indicator.value();
    }

    private static List<JsonNode> objects(JsonNode bundle, String type) {
        return bundle.path("objects").valueStream().filter(o -> o.path("type").asString().equals(type)).toList();
    }
}
