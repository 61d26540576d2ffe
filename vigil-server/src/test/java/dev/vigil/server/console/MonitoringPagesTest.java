package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.ServerJar;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The component graph's live status as an analyst sees it: a database whose probe fails is degraded, the API that
 * depends on it impacted, a healthy web front ok — and the graph fragment the page refreshes says the same.
 */
class MonitoringPagesTest extends ServerTestBase {

    @Test
    void theGraphShowsEachComponentsLiveStatusAndWhatItsDependenciesDoToIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (ServerSocket open = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int closed = ServerJar.freePort();
            String db = "db-" + run;
            String api = "api-" + run;
            String web = "web-" + run;
            component(db, List.of(), closed);
            component(api, List.of(db), null);
            component(web, List.of(), open.getLocalPort());
            String analyst = unique("analyst");
            UUID analystId = api().createUser(ADMIN_TOKEN, analyst, PASSWORD, List.of("soc-analyst"), null);
            MockHttpSession session = new MockHttpSession();
            session.setAttribute("vigil.user", analystId);
            session.setAttribute("vigil.signedInAt", Instant.now());

            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String page = mockMvc.perform(get("/monitoring").session(session)).andReturn().getResponse().getContentAsString();
                assertThat(page).contains("data-component=\"" + db + "\" data-status=\"degraded\"")
                        .contains("data-component=\"" + api + "\" data-status=\"impacted\"")
                        .contains("data-component=\"" + web + "\" data-status=\"ok\"");
            });
            String fragment = mockMvc.perform(get("/monitoring/graph").session(session)).andReturn().getResponse().getContentAsString();
            assertThat(fragment).startsWith("<figure").contains("hx-trigger=\"every 15s\"")
                    .contains("data-component=\"" + db + "\" data-status=\"degraded\"").doesNotContain("<html");
        }
    }

    private void component(String name, List<String> upstream, Integer probePort) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("name", name, "owner", "ops", "criticality", "high",
                "exposure", "internal", "upstream", upstream));
        if (probePort != null) {
            body.put("probes", List.of(Map.of("type", "tcp", "target", "127.0.0.1:" + probePort, "interval", "1s")));
        }
        var created = api().post("/api/v1/components", ADMIN_TOKEN, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
