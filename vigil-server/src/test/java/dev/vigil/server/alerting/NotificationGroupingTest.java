package dev.vigil.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Grouping as Alertmanager does it, against a real webhook server: alerts of one group (route and group_by values) go
 * out together in one message after group_wait; a change goes out after group_interval listing new, still firing and
 * resolved alerts; an unchanged group is re-sent only after repeat_interval; a receiver with send_resolved: false gets
 * no resolved alerts; the same alert raised again is not notified twice.
 */
class NotificationGroupingTest extends ServerTestBase {

    @Autowired
    AlertIntake intake;

    @Test
    void alertsOfAGroupGoOutTogetherAfterGroupWaitThenOnChangesAndRepeats() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (WebhookSink sink = new WebhookSink()) {
            for (String name : List.of("grp", "quiet", "sink")) {
                assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", name + "-" + run, "minSeverity", "informational",
                        "sources", List.of("grouping-" + run), "channels", List.of(Map.of("type", "webhook", "url", sink.url("/" + name + "/" + run))))).status()).isEqualTo(201);
            }
            Api.Response put = putRouting("""
                    route:
                      receiver: sink-%1$s
                      group_wait: 1h
                      routes:
                        - matchers: ['source="grouping-%1$s"']
                          receiver: grp-%1$s
                          group_by: [host_name]
                          group_wait: 2s
                          group_interval: 3s
                          repeat_interval: 8s
                          continue: true
                        - matchers: ['source="grouping-%1$s"']
                          receiver: quiet-%1$s
                          group_wait: 2s
                          group_interval: 3s
                          repeat_interval: 1h
                    receivers:
                      - name: sink-%1$s
                      - name: grp-%1$s
                      - name: quiet-%1$s
                        send_resolved: false
                    """.formatted(run));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            try {
                String grp = "/grp/" + run;
                Instant start = Instant.now();
                UUID a1 = raise(run, "h1", "one");
                UUID a2 = raise(run, "h1", "two");
                UUID b1 = raise(run, "h2", "three");
                assertThat(raise(run, "h1", "one")).as("a duplicate adds to the firing alert").isEqualTo(a1);

                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sink.at(grp).size() >= 2);
                WebhookSink.Received h1 = only(sink.at(grp), "h1", 1).getFirst();
                WebhookSink.Received h2 = only(sink.at(grp), "h2", 1).getFirst();
                assertThat(h1.alerts("new")).containsExactlyInAnyOrder(a1.toString(), a2.toString());
                assertThat(h1.alerts("firing")).isEmpty();
                assertThat(h1.body().path("kind").asString()).isEqualTo("alert-group");
                assertThat(h1.body().path("counts").path("firing").asInt()).isEqualTo(2);
                assertThat(h2.alerts("new")).containsExactly(b1.toString());
                assertThat(Duration.between(start, h1.at())).as("group_wait").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sink.at("/quiet/" + run).size() == 1);
                assertThat(sink.at("/quiet/" + run).getFirst().alerts("new"))
                        .containsExactlyInAnyOrder(a1.toString(), a2.toString(), b1.toString());

                UUID a3 = raise(run, "h1", "four");
                Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> only(sink.at(grp), "h1", -1).size() == 2);
                WebhookSink.Received h1Change = only(sink.at(grp), "h1", 2).get(1);
                assertThat(h1Change.alerts("new")).containsExactly(a3.toString());
                assertThat(h1Change.alerts("firing")).containsExactlyInAnyOrder(a1.toString(), a2.toString());
                assertThat(Duration.between(h1.at(), h1Change.at())).as("group_interval").isGreaterThanOrEqualTo(Duration.ofMillis(2900));

                assertThat(intake.resolveByKey(key(run, "h1", "one"), "grouping-" + run, "cleared")).isEqualTo(1);
                Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> only(sink.at(grp), "h1", -1).size() == 3);
                WebhookSink.Received h1Resolved = only(sink.at(grp), "h1", 3).get(2);
                assertThat(h1Resolved.alerts("resolved")).containsExactly(a1.toString());
                assertThat(h1Resolved.alerts("firing")).containsExactlyInAnyOrder(a2.toString(), a3.toString());
                assertThat(h1Resolved.alerts("new")).isEmpty();

                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> only(sink.at(grp), "h2", -1).size() == 2);
                WebhookSink.Received h2Repeat = only(sink.at(grp), "h2", 2).get(1);
                assertThat(h2Repeat.alerts("firing")).containsExactly(b1.toString());
                assertThat(h2Repeat.alerts("new")).isEmpty();
                assertThat(Duration.between(h2.at(), h2Repeat.at())).as("repeat_interval").isGreaterThan(Duration.ofSeconds(8));

                for (String[] alert : List.of(new String[] {"h1", "two"}, new String[] {"h1", "four"}, new String[] {"h2", "three"})) {
                    intake.resolveByKey(key(run, alert[0], alert[1]), "grouping-" + run, "cleared");
                }
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification_group WHERE receiver IN (?, ?)").params("grp-" + run, "quiet-" + run)
                        .query(Long.class).single() == 0);
                // the group row goes with its last flush; that message reaches the sink through the outbox afterwards
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lastOf(sink.at(grp), "h1").body().path("status")
                        .asString().equals("resolved"));
                WebhookSink.Received h1Last = lastOf(sink.at(grp), "h1");
                assertThat(h1Last.alerts("resolved")).containsExactlyInAnyOrder(a2.toString(), a3.toString());
                assertThat(sink.at("/quiet/" + run)).as("send_resolved: false: the first message and the one adding a3 only").hasSize(2)
                        .allSatisfy(r -> assertThat(r.alerts("resolved")).isEmpty());
                assertThat(sink.at("/quiet/" + run).get(1).alerts("new")).containsExactly(a3.toString());
                assertThat(sink.at("/sink/" + run)).isEmpty();

                JsonNode deliveries = api().get("/api/v1/alerts/" + a1 + "/notifications", ADMIN_TOKEN).json();
                assertThat(deliveries.size()).as("three grp messages and two quiet ones listed a1").isEqualTo(5);
                for (JsonNode delivery : deliveries) {
                    assertThat(delivery.path("status").asString()).isEqualTo("sent");
                    assertThat(delivery.path("groupMessage").isNull()).isFalse();
                }
            } finally {
                assertThat(putRouting("").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void anAlertSilencedAfterItJoinedItsGroupIsLeftOutOfTheGroupsLaterMessages() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (WebhookSink sink = new WebhookSink()) {
            assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", "sil-" + run, "minSeverity", "informational",
                    "sources", List.of("grouping-" + run), "channels", List.of(Map.of("type", "webhook", "url", sink.url("/sil/" + run))))).status())
                    .isEqualTo(201);
            Api.Response put = putRouting("""
                    route:
                      receiver: sil-%1$s
                      group_by: [host_name]
                      group_wait: 1s
                      group_interval: 2s
                      repeat_interval: 1h
                    receivers:
                      - name: sil-%1$s
                    """.formatted(run));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            try {
                String path = "/sil/" + run;
                UUID a1 = raise(run, "h1", "one");
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sink.at(path).size() == 1);
                assertThat(sink.at(path).getFirst().alerts("new")).containsExactly(a1.toString());

                Api.Response silence = api().post("/api/v1/alerting/silences", ADMIN_TOKEN, Map.of("matchers", List.of("rule=\"rule-one\"", "source=\"grouping-" + run + "\""),
                        "endsAt", Instant.now().plus(Duration.ofHours(1)).toString(), "comment", "maintenance of h1"));
                assertThat(silence.status()).as(silence.body()).isEqualTo(201);
                UUID a2 = raise(run, "h1", "two");
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sink.at(path).size() == 2);
                WebhookSink.Received second = sink.at(path).get(1);
                assertThat(second.alerts("new")).containsExactly(a2.toString());
                assertThat(second.alerts("firing")).as("the silenced alert is not listed any more").isEmpty();
                assertThat(second.body().path("counts").path("firing").asInt()).isEqualTo(1);
            } finally {
                assertThat(putRouting("").status()).isEqualTo(200);
            }
        }
    }

    private static WebhookSink.Received lastOf(List<WebhookSink.Received> received, String group) {
        return received.stream().filter(r -> group(r).equals(group)).toList().getLast();
    }

    private UUID raise(String run, String host, String name) {
        return intake.raise(new AlertDraft("platform", "grouping-" + run, "rule-" + name, "Grouped " + name + " " + run, "tester",
                AlertSeverity.HIGH, key(run, host, name), Duration.ofMinutes(10), Map.of("host.name", host), List.of(),
                "seen on " + host, Instant.now(), 1)).id();
    }

    private static String key(String run, String host, String name) {
        return "grouping-" + run + "-" + host + "-" + name;
    }

    private static String group(WebhookSink.Received message) {
        return message.body().path("groupLabels").path("host_name").asString();
    }

    /** The messages of one group; with {@code expected} >= 0, asserts there are exactly that many. */
    private static List<WebhookSink.Received> only(List<WebhookSink.Received> messages, String host, int expected) {
        List<WebhookSink.Received> ofGroup = messages.stream().filter(r -> group(r).equals(host)).toList();
        if (expected >= 0) {
            assertThat(ofGroup).hasSize(expected);
        }
        return ofGroup;
    }

    private Api.Response putRouting(String yaml) {
        return api().sendBytes("PUT", "/api/v1/alerting/routing", ADMIN_TOKEN, "application/yaml", HttpRequest.BodyPublishers.ofString(yaml));
    }
}
