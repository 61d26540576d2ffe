package dev.vigil.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Probes, metrics and the API description work without signing in. */
class OperationalEndpointsTest extends ServerTestBase {

    @Test
    void livenessAndReadinessProbesAnswerUp() {
        for (String probe : new String[] {"/healthz", "/readyz"}) {
            Api.Response response = api().get(probe, null);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.text("status")).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void metricsArePrometheusText() {
        api().get("/healthz", null);
        Api.Response response = api().get("/metrics", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge").contains("http_server_requests_seconds_count")
                .contains("hikaricp_connections");
    }

    @Test
    void openApiDocumentListsTheApi() {
        Api.Response response = api().get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("paths").has("/api/v1/users")).as("paths: %s", document.path("paths").propertyNames()).isTrue();
        assertThat(document.path("paths").path("/api/v1/auth/login").has("post")).isTrue();
        assertThat(document.path("paths").has("/healthz")).as("only the API is documented").isFalse();
    }
}
