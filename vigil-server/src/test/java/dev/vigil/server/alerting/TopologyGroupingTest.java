package dev.vigil.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;

/**
 * Topology-aware grouping over a real component graph (web depends on app, app on db): while db has a critical alert
 * firing, the alerts of app and web are grouped under it — recorded on the alert, shown in the console, not notified
 * on their own, and listed as affected downstream components by db's grouped notification. When db's alert resolves,
 * the still-firing downstream alerts are notified as usual. Without a routing tree the downstream alert's per-alert
 * notification is recorded as held back and sent once the upstream resolves.
 */
class TopologyGroupingTest extends ServerTestBase {

    @Autowired
    AlertIntake intake;

    @Test
    void downstreamAlertsAreGroupedUnderTheDownUpstreamUntilItResolves() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String db = "db-" + run;
        String app = "app-" + run;
        String web = "web-" + run;
        createComponent(db, List.of());
        createComponent(app, List.of(db));
        createComponent(web, List.of(app));
        try (WebhookSink sink = new WebhookSink()) {
            for (String name : List.of("topo", "sink")) {
                assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", name + "-" + run, "minSeverity", "informational",
                        "sources", List.of("topo-" + run), "channels", List.of(Map.of("type", "webhook", "url", sink.url("/" + name + "/" + run))))).status()).isEqualTo(201);
            }
            Api.Response put = putRouting("""
                    route:
                      receiver: sink-%1$s
                      group_wait: 1h
                      routes:
                        - matchers: ['source="topo-%1$s"']
                          receiver: topo-%1$s
                          group_by: [component]
                          group_wait: 2s
                          group_interval: 2s
                          repeat_interval: 1h
                    receivers:
                      - name: sink-%1$s
                      - name: topo-%1$s
                    """.formatted(run));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            try {
                String path = "/topo/" + run;
                // app's own alert is a warning (medium): it does not take app down, so it does not hold web's alert itself.
                UUID appAlert = raise("topo-" + run, app, AlertSeverity.MEDIUM);
                UUID dbAlert = raise("topo-" + run, db, AlertSeverity.CRITICAL);
                UUID webAlert = raise("topo-" + run, web, AlertSeverity.MEDIUM);

                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sink.at(path).stream()
                        .anyMatch(m -> affected(m, dbAlert).containsAll(List.of(app, web))));
                assertThat(sink.at(path)).as("only db's group is notified").allSatisfy(m ->
                        assertThat(m.body().path("groupLabels").path("component").asString()).isEqualTo(db));
                assertThat(sink.at(path).getFirst().alerts("new")).containsExactly(dbAlert.toString());
                assertThat(api().get("/api/v1/alerts/" + appAlert, ADMIN_TOKEN).text("suppressedBy")).isEqualTo(dbAlert.toString());
                assertThat(api().get("/api/v1/alerts/" + webAlert, ADMIN_TOKEN).text("suppressedBy")).isEqualTo(dbAlert.toString());
                List<String> grouped = new ArrayList<>();
                api().get("/api/v1/alerts/" + dbAlert + "/grouped", ADMIN_TOKEN).json().forEach(a -> grouped.add(a.path("id").asString()));
                assertThat(grouped).containsExactlyInAnyOrder(appAlert.toString(), webAlert.toString());
                assertThat(api().get("/api/v1/alerts/" + appAlert + "/notifications", ADMIN_TOKEN).json().size()).isZero();

                UUID admin = UUID.fromString(api().get("/api/v1/me", ADMIN_TOKEN).text("id"));
                String list = mockMvc.perform(get("/alerts").param("source", "").session(session(admin))).andReturn().getResponse()
                        .getContentAsString();
                assertThat(list).contains("2 downstream alert(s) grouped under it").contains("grouped-under");
                String appPage = mockMvc.perform(get("/alerts/" + appAlert).session(session(admin))).andReturn().getResponse()
                        .getContentAsString();
                assertThat(appPage).contains("id=\"grouped-under\"").contains("/alerts/" + dbAlert);
                String dbPage = mockMvc.perform(get("/alerts/" + dbAlert).session(session(admin))).andReturn().getResponse()
                        .getContentAsString();
                assertThat(dbPage).contains("Downstream alerts grouped under it").contains("component=" + app).contains("component=" + web);

                assertThat(intake.resolveByKey("topo-" + run + "-" + db, "topo-" + run, "db is back")).isEqualTo(1);
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> newIn(sink.at(path), app).contains(appAlert.toString())
                        && newIn(sink.at(path), web).contains(webAlert.toString()));
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sink.at(path).stream()
                        .anyMatch(m -> m.alerts("resolved").contains(dbAlert.toString())));
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api().get("/api/v1/alerts/" + appAlert, ADMIN_TOKEN)
                        .json().path("suppressedBy").isNull());
                assertThat(api().get("/api/v1/alerts/" + dbAlert + "/grouped", ADMIN_TOKEN).json().size()).isZero();
            } finally {
                assertThat(putRouting("").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void withoutATreeTheDownstreamNotificationIsHeldBackUntilTheUpstreamResolves() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String db = "db2-" + run;
        String app = "app2-" + run;
        createComponent(db, List.of());
        createComponent(app, List.of(db));
        assertThat(putRouting("").status()).isEqualTo(200);
        try (WebhookSink sink = new WebhookSink()) {
            assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", "plain-" + run, "minSeverity", "informational",
                    "sources", List.of("plain-" + run), "channels", List.of(Map.of("type", "webhook", "url", sink.url("/plain/" + run)))))
                    .status()).isEqualTo(201);
            UUID dbAlert = raise("plain-" + run, db, AlertSeverity.CRITICAL);
            UUID appAlert = raise("plain-" + run, app, AlertSeverity.HIGH);
            List<JsonNode> held = deliveries(appAlert, "plain-" + run);
            assertThat(held.size()).isEqualTo(1);
            assertThat(held.getFirst().path("status").asString()).isEqualTo("silenced");
            assertThat(held.getFirst().path("lastError").asString()).contains("grouped under alert " + dbAlert).contains(db + " is down");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sink.at("/plain/" + run).size() == 1);
            assertThat(sink.at("/plain/" + run).getFirst().body().path("id").asString()).isEqualTo(dbAlert.toString());

            intake.resolveByKey("plain-" + run + "-" + db, "plain-" + run, "db is back");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sink.at("/plain/" + run).size() == 2);
            assertThat(sink.at("/plain/" + run).get(1).body().path("id").asString()).isEqualTo(appAlert.toString());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(appAlert, "plain-" + run).size() == 2
                    && deliveries(appAlert, "plain-" + run).get(1).path("status").asString().equals("sent"));
        }
    }

    private List<JsonNode> deliveries(UUID alert, String receiver) {
        List<JsonNode> out = new ArrayList<>();
        api().get("/api/v1/alerts/" + alert + "/notifications", ADMIN_TOKEN).json().forEach(n -> {
            if (n.path("receiver").asString().equals(receiver)) {
                out.add(n);
            }
        });
        return out;
    }

    private UUID raise(String source, String component, AlertSeverity severity) {
        return intake.raise(new AlertDraft("platform", source, "probe-" + component, component + " unavailable", "",
                severity, source + "-" + component, Duration.ofMinutes(10), Map.of("component", component, "monitor.level", "critical"),
                List.of(), "probe_success == 0 on " + component, Instant.now(), 1)).id();
    }

    /** The downstream components a message lists under this alert. */
    private static List<String> affected(WebhookSink.Received message, UUID alert) {
        List<String> components = new ArrayList<>();
        for (JsonNode entry : message.body().path("alerts")) {
            if (entry.path("id").asString().equals(alert.toString())) {
                entry.path("affected").forEach(a -> components.add(a.path("component").asString()));
            }
        }
        return components;
    }

    private static List<String> newIn(List<WebhookSink.Received> messages, String component) {
        return messages.stream().filter(m -> m.body().path("groupLabels").path("component").asString().equals(component))
                .flatMap(m -> m.alerts("new").stream()).toList();
    }

    private void createComponent(String name, List<String> upstream) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("owner", "ops");
        c.put("criticality", "high");
        c.put("exposure", "internal");
        c.put("upstream", upstream);
        Api.Response created = api().post("/api/v1/components", ADMIN_TOKEN, c);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private Api.Response putRouting(String yaml) {
        return api().sendBytes("PUT", "/api/v1/alerting/routing", ADMIN_TOKEN, "application/yaml", HttpRequest.BodyPublishers.ofString(yaml));
    }

    private static MockHttpSession session(UUID userId) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("vigil.user", userId);
        session.setAttribute("vigil.signedInAt", Instant.now());
        return session;
    }
}
