package dev.vigil.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.alerting.internal.notify.NotificationHolds;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Silences, inhibit rules and mute intervals are live, as in Alertmanager, against a real webhook server: what they
 * hold back when an alert is raised goes out once they end (a silence reaching its end or expired early, the inhibiting
 * alert resolving, the mute interval passing) if the alert still fires, and never if it resolved meanwhile; one that
 * starts after an alert was notified holds back its group's repeats and its escalation's steps until it ends. The
 * alert's notification log says what held it back and when that ended.
 */
class NotificationHoldTest extends ServerTestBase {

    @Autowired
    AlertIntake intake;

    @Autowired
    NotificationHolds holds;

    @Test
    void anAlertSilencedWhenRaisedIsNotifiedOnceWhenTheSilenceEnds() throws Exception {
        String run = run();
        try (WebhookSink sink = new WebhookSink()) {
            String path = receiver(sink, "held", run);
            Instant ends = Instant.now().plusSeconds(5);
            String silence = silence(run, "one", ends);
            UUID alert = raise(run, "h1", "one");

            JsonNode held = only(notifications(alert, run));
            assertThat(held.path("status").asString()).isEqualTo("held");
            assertThat(held.path("heldBack").asString()).contains(silence).contains("short maintenance " + run);
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> sink.at(path).isEmpty());

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sink.at(path).size() == 1);
            WebhookSink.Received sent = sink.at(path).getFirst();
            assertThat(sent.body().path("id").asString()).isEqualTo(alert.toString());
            assertThat(sent.at()).isAfterOrEqualTo(ends.truncatedTo(ChronoUnit.MILLIS));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> only(notifications(alert, run)).path("status").asString().equals("sent"));
            JsonNode log = only(notifications(alert, run));
            assertThat(log.path("heldBack").asString()).contains(silence);
            assertThat(Instant.parse(log.path("releasedAt").asString())).isAfterOrEqualTo(ends.truncatedTo(ChronoUnit.MILLIS));
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> sink.at(path).size() == 1);
        }
    }

    @Test
    void anAlertWhoseSilenceIsExpiredEarlyIsNotifiedThen() throws Exception {
        String run = run();
        try (WebhookSink sink = new WebhookSink()) {
            String path = receiver(sink, "early", run);
            String silence = silence(run, "one", Instant.now().plus(Duration.ofHours(1)));
            UUID alert = raise(run, "h1", "one");
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> sink.at(path).isEmpty());

            Instant expired = Instant.now();
            assertThat(api().post("/api/v1/alerting/silences/" + silence + "/expire", ADMIN_TOKEN, null).status()).isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sink.at(path).size() == 1);
            assertThat(sink.at(path).getFirst().body().path("id").asString()).isEqualTo(alert.toString());
            assertThat(Duration.between(expired, sink.at(path).getFirst().at())).as("the next tick after the expiry, not the next re-check")
                    .isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void anAlertResolvedWhileSilencedIsNeverNotified() throws Exception {
        String run = run();
        try (WebhookSink sink = new WebhookSink()) {
            String path = receiver(sink, "gone", run);
            String silence = silence(run, "one", Instant.now().plus(Duration.ofHours(1)));
            UUID alert = raise(run, "h1", "one");
            assertThat(intake.resolveByKey(key(run, "h1", "one"), "holds-" + run, "cleared")).isEqualTo(1);
            assertThat(api().post("/api/v1/alerting/silences/" + silence + "/expire", ADMIN_TOKEN, null).status()).isEqualTo(200);

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> only(notifications(alert, run)).path("status").asString().equals("silenced"));
            JsonNode log = only(notifications(alert, run));
            assertThat(log.path("lastError").asString()).contains(silence).contains("resolved while held back");
            assertThat(log.path("releasedAt").isNull()).isTrue();
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> sink.at(path).isEmpty());
        }
    }

    @Test
    void anInhibitedAlertIsNotifiedWhenTheInhibitingAlertResolves() throws Exception {
        String run = run();
        try (WebhookSink sink = new WebhookSink()) {
            String path = receiver(sink, "inh", run);
            putRouting("""
                    route:
                      receiver: inh-%1$s
                      group_by: [host_name]
                      group_wait: 1s
                      group_interval: 1s
                      repeat_interval: 1h
                    receivers:
                      - name: inh-%1$s
                    inhibit_rules:
                      - source_matchers: ['rule="rule-down"', 'source="holds-%1$s"']
                        target_matchers: ['rule="rule-slow"', 'source="holds-%1$s"']
                        equal: [host_name]
                    """.formatted(run));
            try {
                UUID down = raise(run, "h1", "down");
                UUID slow = raise(run, "h1", "slow");
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sink.at(path).size() == 1);
                assertThat(sink.at(path).getFirst().alerts("new")).containsExactly(down.toString());
                JsonNode held = only(notifications(slow, run));
                assertThat(held.path("status").asString()).isEqualTo("held");
                assertThat(held.path("heldBack").asString()).isEqualTo("inhibited by an inhibit rule");

                assertThat(intake.resolveByKey(key(run, "h1", "down"), "holds-" + run, "cleared")).isEqualTo(1);
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sink.at(path).size() >= 2);
                WebhookSink.Received second = sink.at(path).get(1);
                assertThat(second.alerts("new")).containsExactly(slow.toString());
                assertThat(second.alerts("resolved")).containsExactly(down.toString());
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> status(notifications(slow, run)).equals(List.of("released", "sent")));
                List<JsonNode> log = notifications(slow, run);
                assertThat(log.get(0).path("heldBack").asString()).isEqualTo("inhibited by an inhibit rule");
                assertThat(log.get(0).path("releasedAt").isNull()).isFalse();
            } finally {
                putRouting("");
            }
        }
    }

    @Test
    void aViewOfTheHoldsTakenBeforeTheInhibitingAlertResolvedNoLongerHoldsBackAfterIt() throws Exception {
        String run = run();
        try (WebhookSink sink = new WebhookSink()) {
            receiver(sink, "nobody", run);
            checkAViewTakenBeforeTheSourceResolved(run);
        }
    }

    private void checkAViewTakenBeforeTheSourceResolved(String run) {
        putRouting("""
                route:
                  receiver: nobody-%1$s
                  group_wait: 1h
                receivers:
                  - name: nobody-%1$s
                inhibit_rules:
                  - source_matchers: ['rule="rule-down"', 'source="holds-%1$s"']
                    target_matchers: ['rule="rule-slow"', 'source="holds-%1$s"']
                    equal: [host_name]
                """.formatted(run));
        try {
            AlertView down = raised(run, "h1", "down");
            AlertView slow = raised(run, "h1", "slow");
            AlertView elsewhere = raised(run, "h2", "slow");
            NotificationHolds.Now view = holds.now();
            assertThat(view.inhibited(slow)).contains("inhibited by an inhibit rule");
            assertThat(view.inhibited(elsewhere)).as("equal: [host_name]").isEmpty();
            assertThat(view.inhibited(down)).isEmpty();

            assertThat(intake.resolveByKey(key(run, "h1", "down"), "holds-" + run, "cleared")).isEqualTo(1);
            assertThat(view.inhibited(slow)).as("the view read the firing alerts while the source still fired").isEmpty();
            assertThat(view.heldBack(slow)).isEmpty();
        } finally {
            putRouting("");
        }
    }

    @Test
    void aSilenceMadeAfterTheFirstNotificationHoldsBackRepeatsUntilItEnds() throws Exception {
        String run = run();
        try (WebhookSink sink = new WebhookSink()) {
            String path = receiver(sink, "rep", run);
            putRouting("""
                    route:
                      receiver: rep-%1$s
                      group_by: [host_name]
                      group_wait: 1s
                      group_interval: 1s
                      repeat_interval: 2s
                    receivers:
                      - name: rep-%1$s
                    """.formatted(run));
            try {
                UUID alert = raise(run, "h1", "one");
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sink.at(path).size() >= 2);
                assertThat(sink.at(path).get(1).alerts("firing")).as("a repeat").containsExactly(alert.toString());

                String silence = silence(run, "one", Instant.now().plus(Duration.ofHours(1)));
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> status(notifications(alert, run)).contains("held"));
                int before = sink.at(path).size();
                Awaitility.await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> sink.at(path).size() == before);

                assertThat(api().post("/api/v1/alerting/silences/" + silence + "/expire", ADMIN_TOKEN, null).status()).isEqualTo(200);
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sink.at(path).size() == before + 1);
                assertThat(sink.at(path).get(before).alerts("new")).containsExactly(alert.toString());
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sink.at(path).size() == before + 2);
                assertThat(sink.at(path).get(before + 1).alerts("firing")).as("repeats resume").containsExactly(alert.toString());
                JsonNode hold = notifications(alert, run).stream().filter(n -> !n.path("heldBack").isNull()).findFirst().orElseThrow();
                assertThat(hold.path("status").asString()).isEqualTo("released");
                assertThat(hold.path("heldBack").asString()).contains(silence);
            } finally {
                putRouting("");
            }
        }
    }

    @Test
    void aMutedRouteHoldsTheAlertUntilTheIntervalEnds() throws Exception {
        String run = run();
        // the interval is the current minute (minute granularity, as Alertmanager's): start well inside one
        Awaitility.await().atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofMillis(200))
                .until(() -> ZonedDateTime.now(ZoneOffset.UTC).getSecond() < 45);
        ZonedDateTime minute = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        Instant ends = minute.plusMinutes(1).toInstant();
        String end = minute.getHour() == 23 && minute.getMinute() == 59 ? "24:00" : "%tH:%<tM".formatted(minute.plusMinutes(1));
        try (WebhookSink sink = new WebhookSink()) {
            String path = receiver(sink, "mute", run);
            receiverFor(sink, "sink", run, "nothing-" + run);
            putRouting("""
                    route:
                      receiver: sink-%1$s
                      group_wait: 1h
                      routes:
                        - matchers: ['source="holds-%1$s"']
                          receiver: mute-%1$s
                          group_by: [host_name]
                          group_wait: 1s
                          group_interval: 1s
                          repeat_interval: 1h
                          mute_time_intervals: [maintenance-%1$s]
                    receivers:
                      - name: sink-%1$s
                      - name: mute-%1$s
                    time_intervals:
                      - name: maintenance-%1$s
                        time_intervals:
                          - times:
                              - start_time: "%2$tH:%2$tM"
                                end_time: "%3$s"
                    """.formatted(run, minute, end));
            try {
                UUID alert = raise(run, "h1", "one");
                JsonNode held = only(notifications(alert, run));
                assertThat(held.path("status").asString()).isEqualTo("held");
                assertThat(held.path("heldBack").asString()).startsWith("muted by a time interval of route");

                Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> sink.at(path).size() == 1);
                WebhookSink.Received sent = sink.at(path).getFirst();
                assertThat(sent.at()).isAfterOrEqualTo(ends);
                assertThat(sent.alerts("new")).containsExactly(alert.toString());
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> status(notifications(alert, run)).equals(List.of("released", "sent")));
            } finally {
                putRouting("");
            }
        }
    }

    @Test
    void escalationStepsWaitWhileASilenceCoversTheAlert() throws Exception {
        String run = run();
        try (WebhookSink sink = new WebhookSink()) {
            String first = receiverFor(sink, "step1", run, "nothing-" + run);
            String second = receiverFor(sink, "step2", run, "nothing-" + run);
            assertThat(api().post("/api/v1/oncall/escalation-policies", ADMIN_TOKEN, Map.of("name", "hold-" + run, "steps", List.of(
                    Map.of("delay", "0s", "receivers", List.of("step1-" + run)),
                    Map.of("delay", "3s", "receivers", List.of("step2-" + run))))).status()).isEqualTo(201);
            assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", "esc-" + run, "minSeverity", "informational",
                    "escalationPolicy", "hold-" + run, "sources", List.of("holds-" + run))).status()).isEqualTo(201);

            UUID alert = raise(run, "h1", "one");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sink.at(first).size() == 1);
            String silence = silence(run, "one", Instant.now().plus(Duration.ofHours(1)));
            Awaitility.await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> sink.at(second).isEmpty());
            assertThat(notes(alert)).anyMatch(n -> n.startsWith("hold: held back: silenced by " + silence) && n.contains("short maintenance " + run));

            assertThat(api().post("/api/v1/alerting/silences/" + silence + "/expire", ADMIN_TOKEN, null).status()).isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sink.at(second).size() == 1);
            assertThat(sink.at(second).getFirst().body().path("id").asString()).isEqualTo(alert.toString());
            assertThat(notes(alert)).anyMatch(n -> n.startsWith("hold: hold ended: silenced by " + silence));
            assertThat(sink.at(first)).hasSize(1);
        }
    }

    private List<String> notes(UUID alert) {
        JsonNode list = api().get("/api/v1/alerts/" + alert + "/escalations", ADMIN_TOKEN).json();
        List<String> notes = new ArrayList<>();
        list.get(0).path("pages").forEach(p -> notes.add(p.path("target").asString() + ": " + p.path("note").asString()));
        return notes;
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A receiver taking this run's alerts by their source, with a webhook to the sink; returns the webhook's path. */
    private String receiver(WebhookSink sink, String name, String run) {
        return receiverFor(sink, name, run, "holds-" + run);
    }

    private String receiverFor(WebhookSink sink, String name, String run, String source) {
        String path = "/" + name + "/" + run;
        Api.Response created = api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", name + "-" + run, "minSeverity",
                "informational", "sources", List.of(source), "channels", List.of(Map.of("type", "webhook", "url", sink.url(path)))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return path;
    }

    private String silence(String run, String name, Instant endsAt) {
        Api.Response silence = api().post("/api/v1/alerting/silences", ADMIN_TOKEN, Map.of("matchers",
                List.of("rule=\"rule-" + name + "\"", "source=\"holds-" + run + "\""), "endsAt", endsAt.toString(),
                "comment", "short maintenance " + run));
        assertThat(silence.status()).as(silence.body()).isEqualTo(201);
        return silence.text("id");
    }

    private UUID raise(String run, String host, String name) {
        return raised(run, host, name).id();
    }

    private AlertView raised(String run, String host, String name) {
        return intake.raise(new AlertDraft("platform", "holds-" + run, "rule-" + name, "Held " + name + " " + run, "tester",
                AlertSeverity.HIGH, key(run, host, name), Duration.ofMinutes(10), Map.of("host.name", host), List.of(),
                "seen on " + host, Instant.now(), 1));
    }

    private static String key(String run, String host, String name) {
        return "holds-" + run + "-" + host + "-" + name;
    }

    /** The alert's notification log, to this run's receivers only (other tests' receivers may take every alert). */
    private List<JsonNode> notifications(UUID alert, String run) {
        List<JsonNode> log = new ArrayList<>();
        api().get("/api/v1/alerts/" + alert + "/notifications", ADMIN_TOKEN).json().forEach(n -> {
            if (n.path("receiver").asString().endsWith("-" + run)) {
                log.add(n);
            }
        });
        return log;
    }

    private static JsonNode only(List<JsonNode> log) {
        assertThat(log).hasSize(1);
        return log.getFirst();
    }

    private static List<String> status(List<JsonNode> log) {
        return log.stream().map(n -> n.path("status").asString()).toList();
    }

    private void putRouting(String yaml) {
        Api.Response put = api().sendBytes("PUT", "/api/v1/alerting/routing", ADMIN_TOKEN, "application/yaml",
                HttpRequest.BodyPublishers.ofString(yaml));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }
}
