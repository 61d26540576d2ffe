package dev.vigil.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.support.Api;
import dev.vigil.server.support.RunningServer;
import dev.vigil.server.support.TestDirs;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Notification groups live in PostgreSQL: alerts grouped before a shutdown go out in one message after the restart
 * (nothing lost), and a group's notification log survives the next restart, so the group is not notified twice within
 * its repeat_interval.
 */
class NotificationGroupingRestartIT {

    private static final String PASSWORD = "Grouping-Restart-Passphrase-1";
    private static final String TOKEN = "vgl_grouping-restart-it-token-0123456789";

    @Test
    void groupsAndTheirNotificationLogSurviveRestarts() throws Exception {
        Path dataDir = TestDirs.fresh("grouping-restart");
        try (WebhookSink sink = new WebhookSink()) {
            UUID first;
            UUID second;
            try (RunningServer server = start(dataDir)) {
                Api api = server.api();
                assertThat(api.post("/api/v1/alerting/receivers", TOKEN, Map.of("name", "ops", "minSeverity", "informational",
                        "channels", List.of(Map.of("type", "webhook", "url", sink.url("/ops"))))).status()).isEqualTo(201);
                Api.Response put = api.sendBytes("PUT", "/api/v1/alerting/routing", TOKEN, "application/yaml", HttpRequest.BodyPublishers.ofString("""
                        route:
                          receiver: ops
                          group_by: [alertname]
                          group_wait: 20s
                          group_interval: 2s
                          repeat_interval: 1h
                        receivers:
                          - name: ops
                        """));
                assertThat(put.status()).as(put.body()).isEqualTo(200);
                AlertIntake intake = server.bean(AlertIntake.class);
                first = intake.raise(draft("web-01")).id();
                second = intake.raise(draft("web-02")).id();
                assertThat(server.jdbc().sql("SELECT count(*) FROM notification_group_alert").query(Long.class).single()).isEqualTo(2);
            }
            assertThat(sink.at("/ops")).as("group_wait had not passed at the shutdown").isEmpty();

            try (RunningServer server = start(dataDir)) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sink.at("/ops").size() == 1);
                assertThat(sink.at("/ops").getFirst().alerts("new")).containsExactlyInAnyOrder(first.toString(), second.toString());
            }

            Instant restarted = Instant.now();
            try (RunningServer server = start(dataDir)) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> server.jdbc()
                        .sql("SELECT last_notified_at < ? AND next_flush_at > ? FROM notification_group")
                        .params(Timestamp.from(restarted), Timestamp.from(restarted.plusSeconds(2))).query(Boolean.class).single());
                assertThat(sink.at("/ops")).as("flushed again after the restart, but not re-sent within repeat_interval").hasSize(1);
            }
        }
    }

    private static RunningServer start(Path dataDir) {
        return RunningServer.start(dataDir, "vigil.bootstrap.admin-password=" + PASSWORD, "vigil.bootstrap.api-token=" + TOKEN);
    }

    private static AlertDraft draft(String host) {
        return new AlertDraft("platform", "restart-test", "disk", "Disk full", "", AlertSeverity.HIGH, "restart-" + host,
                Duration.ofMinutes(10), Map.of("host.name", host), List.of(), "disk full on " + host, Instant.now(), 1);
    }
}
