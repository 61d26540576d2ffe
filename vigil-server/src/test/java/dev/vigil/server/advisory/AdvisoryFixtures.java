package dev.vigil.server.advisory;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.support.Api;

import static dev.vigil.server.ServerTestBase.ADMIN_TOKEN;
import static dev.vigil.server.ServerTestBase.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Set-up shared by the advisory tests: a product with findings in two tenants, and approving a change. */
final class AdvisoryFixtures {

    static final String RCE = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    /** The product and the ids of the two tenants whose scans found it (version 1.0, fixed in 1.1) on their assets. */
    record Affected(String product, List<UUID> tenants) {
    }

    private final Api api;

    AdvisoryFixtures(Api api) {
        this.api = api;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A Trivy report with one finding of the package in version 1.0, fixed in 1.1. */
    static String trivy(String image, String cve, String pkg, String vector) {
        return """
                {"SchemaVersion":2,"ArtifactName":"%s","Results":[{"Target":"%s (alpine 3.19)","Vulnerabilities":[
                 {"VulnerabilityID":"%s","PkgName":"%s","InstalledVersion":"1.0","FixedVersion":"1.1","Severity":"CRITICAL",
                  "Title":"%s: heap overflow","Description":"A crafted request overflows a heap buffer in %s.",
                  "PkgIdentifier":{"PURL":"pkg:apk/alpine/%s@1.0?arch=x86_64"},
                  "CVSS":{"nvd":{"V3Vector":"%s","V3Score":9.8}}}]}]}""".formatted(image, image, cve, pkg, pkg, pkg, pkg, vector);
    }

    Affected affectedProduct() {
        String product = unique("libcsaf");
        List<UUID> tenants = new ArrayList<>();
        for (String cve : List.of("CVE-2026-41001", "CVE-2026-41002")) {
            String tenant = unique("adv");
            tenants.add(api.createTenant(ADMIN_TOKEN, tenant));
            Api.Response imported = api.sendBytes("POST", "/api/v1/vuln/imports?filename=r.json&tenant=" + tenant, ADMIN_TOKEN,
                    "application/json", HttpRequest.BodyPublishers.ofString(trivy(unique("img"), cve, product, RCE),
                            StandardCharsets.UTF_8));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        }
        return new Affected(product, tenants);
    }

    /** Approves the change as a new user holding the approver role (the requester never may). */
    Api.Response approve(String changeId) {
        String approver = unique("adv-approver");
        api.createUser(ADMIN_TOKEN, approver, PASSWORD, List.of("approver"), null);
        return api.post("/api/v1/changes/" + changeId + "/approve", api.login(approver, PASSWORD), Map.of());
    }
}
