package dev.vigil.server.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The advisory database over the API: OSV and CVE records from the shared corpus are imported, every tenant's
 * software inventory is matched, findings of source advisory-match follow the inventory (created, updated, closed
 * only when they no longer match).
 */
class AdvisoryMatchingTest extends ServerTestBase {

    private static Path osv() {
        return Corpus.require("osv").resolve("records");
    }

    private Api.Response upload(String filename, byte[] body) {
        return api().sendBytes("POST", "/api/v1/vuln/advisories?filename=" + filename, ADMIN_TOKEN, "application/json",
                HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static String read(String relative) throws Exception {
        return Files.readString(osv().resolve(relative));
    }

    private JsonNode advisoryFindings(String tenant) {
        Api.Response response = api().get("/api/v1/vuln/findings?limit=1000&scanner=advisory-match&tenant=" + tenant, ADMIN_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode byId(JsonNode findings, String id) {
        for (JsonNode finding : findings) {
            if (finding.path("vulnerabilityId").asString().equals(id)) {
                return finding;
            }
        }
        throw new AssertionError("no finding " + id + " in " + findings);
    }

    private void software(String assetId, List<Map<String, String>> packages) {
        Api.Response response = api().put("/api/v1/assets/" + assetId + "/software", ADMIN_TOKEN, packages);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void importedAdvisoriesMatchInventoriesAndFollowTheirChanges() throws Exception {
        String tenant = unique("adv");
        api().createTenant(ADMIN_TOKEN, tenant);
        Api.Response created = api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", tenant, "name", "web-shop", "kind", "service"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String asset = created.text("id");
        software(asset, List.of(
                Map.of("name", "jquery", "version", "2.2.4", "purl", "pkg:npm/jquery@2.2.4"),
                Map.of("name", "akka-actor_2.12", "version", "2.5.16", "purl", "pkg:maven/com.typesafe.akka/akka-actor_2.12@2.5.16"),
                Map.of("name", "Gradio", "version", "4.36.1", "purl", "pkg:pypi/gradio@4.36.1"),
                Map.of("name", "openssl", "version", "1.0.2p-r0")));

        String batch = "[" + read("ghsa-converter-expected/npm_greater_than.osv.json") + ","
                + read("ghsa-converter-expected/full_ranges.osv.json") + ","
                + read("osv-linter-testdata/GHSA-9v2f-6vcg-3hgv.json") + ","
                + read("osv-linter-testdata/nointroduced-CVE-2023-41045.json") + "]";
        Api.Response imported = upload("batch.json", batch.getBytes());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("stored").asInt()).isEqualTo(3);
        assertThat(imported.json().path("invalidCount").asInt()).isEqualTo(1);
        assertThat(imported.json().path("invalid").get(0).asString())
                .isEqualTo("batch.json at /3/affected/0/ranges/0/events: a range needs an \"introduced\" event");

        JsonNode findings = advisoryFindings(tenant);
        assertThat(findings.size()).as(findings.toString()).isEqualTo(2);
        JsonNode jquery = byId(findings, "GHSA-mhpp-875w-9cpv");
        assertThat(jquery.path("vulnerabilityId").asString()).isEqualTo("GHSA-mhpp-875w-9cpv");
        assertThat(jquery.path("aliases").toString()).contains("CVE-");
        assertThat(jquery.path("fixedVersion").asString()).isEqualTo("3.0.0");
        assertThat(jquery.path("componentVersion").asString()).isEqualTo("2.2.4");
        assertThat(jquery.path("status").asString()).isEqualTo("new");
        assertThat(jquery.path("cvssScore").isNull()).as("the record has no CVSS vector").isTrue();
        JsonNode gradio = byId(findings, "GHSA-9v2f-6vcg-3hgv");
        assertThat(gradio.path("aliases").toString()).contains("CVE-2024-39236");
        assertThat(gradio.path("cvssVector").asString()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(gradio.path("cvssScore").decimalValue()).isEqualByComparingTo("9.8");
        assertThat(gradio.path("fixedVersion").isNull() || gradio.path("fixedVersion").asString().isEmpty()).isTrue();

        // the inventory changes: jquery is upgraded past the fix, akka is downgraded into the affected range
        software(asset, List.of(
                Map.of("name", "jquery", "version", "3.0.0", "purl", "pkg:npm/jquery@3.0.0"),
                Map.of("name", "akka-actor_2.12", "version", "2.5.15", "purl", "pkg:maven/com.typesafe.akka/akka-actor_2.12@2.5.15")));
        JsonNode after = advisoryFindings(tenant);
        assertThat(after.size()).isEqualTo(3);
        assertThat(byId(after, "GHSA-mhpp-875w-9cpv").path("status").asString()).isEqualTo("closed");
        assertThat(byId(after, "GHSA-9v2f-6vcg-3hgv").path("status").asString()).isEqualTo("closed");
        JsonNode akka = byId(after, "GHSA-mr95-9rr4-668f");
        assertThat(akka.path("fixedVersion").asString()).isEqualTo("2.5.16");
        assertThat(akka.path("status").asString()).isEqualTo("new");

        // re-matching after another import updates instead of duplicating
        Api.Response again = upload("again.json", read("ghsa-converter-expected/full_ranges.osv.json").getBytes());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(advisoryFindings(tenant).size()).isEqualTo(3);
        assertThat(byId(advisoryFindings(tenant), "GHSA-mhpp-875w-9cpv").path("status").asString()).isEqualTo("closed");

        Api.Response listed = api().get("/api/v1/vuln/advisories?search=GHSA-mr95", ADMIN_TOKEN);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(1);
        assertThat(listed.json().get(0).path("format").asString()).isEqualTo("OSV");
    }

    @Test
    void cveRecordsInAZipMatchByCpe() throws Exception {
        String tenant = unique("cve");
        api().createTenant(ADMIN_TOKEN, tenant);
        String asset = api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", tenant, "name", "hv-01", "kind", "host",
                "criticality", 4)).text("id");
        software(asset, List.of(Map.of("name", "Windows Server 2022", "version", "10.0.20348.2000",
                "cpe", "cpe:2.3:o:microsoft:windows_server_2022:10.0.20348.2000:*:*:*:*:*:*:*")));
        Path records = Corpus.require("cve-json5").resolve("records");
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            for (String record : List.of("2024/38xxx/CVE-2024-38080.json", "2024/21xxx/CVE-2024-21410.json")) {
                out.putNextEntry(new java.util.zip.ZipEntry(record));
                out.write(Files.readAllBytes(records.resolve(record)));
            }
        }
        Api.Response imported = api().sendBytes("POST", "/api/v1/vuln/advisories?filename=cves.zip", ADMIN_TOKEN,
                "application/zip", HttpRequest.BodyPublishers.ofByteArray(zip.toByteArray()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("stored").asInt()).isEqualTo(2);
        JsonNode finding = byId(advisoryFindings(tenant), "CVE-2024-38080");
        assertThat(finding.path("fixedVersion").asString()).isEqualTo("10.0.20348.2582");
        assertThat(finding.path("cvssVector").asString()).startsWith("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H");
        assertThat(finding.path("reportedScore").decimalValue()).isEqualByComparingTo("7.8");
        assertThat(finding.path("cvssScore").decimalValue()).isEqualByComparingTo("7.8");
        assertThat(advisoryFindings(tenant).size()).as("the Exchange advisory names another product").isEqualTo(1);
    }

    @Test
    void rejectedCveRecordsAreSkippedAndBrokenUploadsRefused() throws Exception {
        Path cve = Corpus.require("cve-json5").resolve("records");
        Path rejected;
        try (var walk = Files.walk(cve)) {
            rejected = walk.filter(p -> p.getFileName().toString().equals("CVE-2024-1342.json")).findFirst().orElseThrow();
        }
        Api.Response skipped = upload("CVE-2024-1342.json", Files.readAllBytes(rejected));
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
        assertThat(skipped.json().path("stored").asInt()).isZero();
        assertThat(skipped.json().path("rejected").asInt()).isEqualTo(1);

        Api.Response broken = upload("broken.json", read("osv-linter-testdata/nondistinct-CVE-2018-5407.json").getBytes());
        broken.assertProblem(400);
        assertThat(broken.detail()).contains("broken.json at /affected/6/ranges/1/events/1").contains("distinct");

        upload("garbage.json", "{not json".getBytes()).assertProblem(400);
        api().get("/api/v1/vuln/advisories?limit=0", ADMIN_TOKEN).assertProblem(400);
    }
}
