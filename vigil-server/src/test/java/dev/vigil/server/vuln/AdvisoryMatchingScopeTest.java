package dev.vigil.server.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Matching over the API where the inventory does not name the ecosystem or release itself: the asset's {@code os:}
 * tag or its package URLs' distro qualifiers give the distribution, a declared type gives the ecosystem, a Debian 11
 * advisory leaves Debian 12 packages alone, and what cannot be told is reported as undetermined, never as a finding.
 */
class AdvisoryMatchingScopeTest extends ServerTestBase {

    private static final String DEBIAN_12 = """
            {"id": "DSA-SCOPE-%s", "modified": "2024-02-01T00:00:00Z", "summary": "openssl: flaw",
             "affected": [{"package": {"ecosystem": "Debian:12", "name": "%s"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "3.0.13-1~deb12u1"}]}]}]}""";
    private static final String DEBIAN_11 = """
            {"id": "DLA-SCOPE-%s", "modified": "2024-02-01T00:00:00Z", "summary": "bash: flaw",
             "affected": [{"package": {"ecosystem": "Debian:11", "name": "%s"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "5.1-2+deb11u9"}]}]}]}""";

    private String asset(String tenant, String name, List<String> tags) {
        Api.Response created = api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", tenant, "name", name, "kind", "host",
                "tags", tags));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private void software(String assetId, List<Map<String, String>> packages) {
        Api.Response response = api().put("/api/v1/assets/" + assetId + "/software", ADMIN_TOKEN, packages);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private List<String> findings(String tenant) {
        Api.Response response = api().get("/api/v1/vuln/findings?limit=1000&scanner=advisory-match&tenant=" + tenant, ADMIN_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode finding : response.json()) {
            ids.add(finding.path("assetName").asString() + " " + finding.path("vulnerabilityId").asString() + " "
                    + finding.path("componentName").asString() + " " + finding.path("status").asString());
        }
        return ids;
    }

    @Test
    void distributionsAndTypesDecideAndTheRestIsReportedUndetermined() throws Exception {
        String tenant = unique("scope");
        api().createTenant(ADMIN_TOKEN, tenant);
        String tag = unique("t").substring(2);
        String ssl = "openssl" + tag;
        String bash = "bash" + tag;
        String tagged = asset(tenant, "bookworm-host", List.of("os:debian-12"));
        software(tagged, List.of(
                Map.of("name", ssl, "version", "3.0.11-1~deb12u2"),
                Map.of("name", "requests", "version", "2.30.0", "type", "pypi"),
                Map.of("name", "jquery", "version", "2.2.4")));
        String byPurl = asset(tenant, "purl-host", List.of());
        software(byPurl, List.of(
                Map.of("name", bash, "version", "5.1-2", "purl", "pkg:deb/debian/" + bash + "@5.1-2?arch=amd64&distro=bookworm"),
                Map.of("name", ssl, "version", "3.0.11-1~deb12u2")));
        String bare = asset(tenant, "bare-host", List.of());
        software(bare, List.of(Map.of("name", ssl, "version", "3.0.11-1~deb12u2")));

        String batch = "[" + DEBIAN_12.formatted(tag, ssl) + "," + DEBIAN_11.formatted(tag, bash) + ","
                + Files.readString(Corpus.require("osv").resolve("records/osv-linter-testdata/PYSEC-2023-74.json")) + ","
                + Files.readString(Corpus.require("osv").resolve("records/ghsa-converter-expected/npm_greater_than.osv.json")) + "]";
        Api.Response imported = api().sendBytes("POST", "/api/v1/vuln/advisories?filename=scope.json", ADMIN_TOKEN,
                "application/json", HttpRequest.BodyPublishers.ofString(batch, StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        // bookworm-host: the os tag makes the bare openssl a Debian 12 package; requests is declared PyPI.
        // purl-host: its package URLs say bookworm, so its bare openssl is Debian 12's too; the Debian 11 advisory
        // about bash leaves its Debian 12 bash alone.
        assertThat(findings(tenant)).containsExactlyInAnyOrder(
                "bookworm-host DSA-SCOPE-" + tag + " " + ssl + " new",
                "bookworm-host PYSEC-2023-74 requests new",
                "purl-host DSA-SCOPE-" + tag + " " + ssl + " new");

        JsonNode report = null;
        for (JsonNode matched : imported.json().path("matching")) {
            if (matched.path("tenant").asString().equals(tenant)) {
                report = matched;
            }
        }
        assertThat(report).as(imported.body()).isNotNull();
        assertThat(report.path("affected").asInt()).isEqualTo(3);
        assertThat(report.path("undetermined").asInt()).isEqualTo(2);
        List<String> undetermined = new ArrayList<>();
        report.path("undeterminedDetails").forEach(d -> undetermined.add(d.path("asset").asString() + " "
                + d.path("packageName").asString() + " " + d.path("advisory").asString() + ": " + d.path("reason").asString()));
        assertThat(undetermined).hasSize(2).anySatisfy(u -> assertThat(u)
                .startsWith("bookworm-host jquery GHSA-mhpp-875w-9cpv: ").contains("taken as a Debian 12 package", "npm/jquery"))
                .anySatisfy(u -> assertThat(u).startsWith("bare-host " + ssl + " DSA-SCOPE-" + tag + ": ")
                        .contains("ecosystem cannot be told"));

        // tagging the bare host with its distribution re-matches it: now the advisory applies
        Api.Response tagging = api().put("/api/v1/assets/" + bare, ADMIN_TOKEN, Map.of("tags", List.of("os:bookworm")));
        assertThat(tagging.status()).as(tagging.body()).isEqualTo(200);
        assertThat(findings(tenant)).contains("bare-host DSA-SCOPE-" + tag + " " + ssl + " new");
        // and a Debian 11 tag takes it out of the advisory's scope again: the finding closes
        api().put("/api/v1/assets/" + bare, ADMIN_TOKEN, Map.of("tags", List.of("os:debian-11")));
        assertThat(findings(tenant)).contains("bare-host DSA-SCOPE-" + tag + " " + ssl + " closed");

        assertThat(api().get("/api/v1/assets/" + tagged + "/software", ADMIN_TOKEN).json().findValuesAsString("type"))
                .contains("pypi", "");
        api().put("/api/v1/assets/" + tagged + "/software", ADMIN_TOKEN, List.of(Map.of("name", "x", "type", "t".repeat(101))))
                .assertProblem(400);
    }
}
