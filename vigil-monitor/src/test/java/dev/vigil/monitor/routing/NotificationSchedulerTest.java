package dev.vigil.monitor.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grouping timelines on a fake clock: group_wait 30s, group_interval 5m, repeat_interval 1h unless stated. */
class NotificationSchedulerTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;

    private AlertmanagerConfig config;

    @BeforeEach
    void loadConfig() throws IOException {
        Path file = dir.resolve("am.yml");
        Files.writeString(file, """
                route:
                  receiver: ops
                  group_by: [alertname]
                  group_wait: 30s
                  group_interval: 5m
                  repeat_interval: 1h
                  routes:
                    - matchers: ['team="db"']
                      receiver: db
                      continue: true
                    - matchers: ['window="sunday"']
                      receiver: weekday-only
                      mute_time_intervals: [sunday]
                receivers: [{name: ops}, {name: db}, {name: weekday-only}]
                time_intervals: [{name: sunday, time_intervals: [{weekdays: [sunday]}]}]
                """);
        config = AlertmanagerConfigLoader.load(file);
    }

    private static Instant at(String offset) {
        return T0.plus(Duration.parse("PT" + offset.toUpperCase()));
    }

    private static Alert alert(String name, String instance, Instant startsAt) {
        return Alert.firing(Map.of("alertname", name, "instance", instance), startsAt);
    }

    /** Calls due() at every second from {@code from} to {@code to} (inclusive) and collects what it returns. */
    private static List<Notification> run(NotificationScheduler s, Instant from, Instant to) {
        List<Notification> out = new ArrayList<>();
        for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(1)) {
            out.addAll(s.due(t));
        }
        return out;
    }

    @Test
    void newGroupWaitsGroupWaitAndBatchesAlertsArrivingMeanwhile() {
        NotificationScheduler s = new NotificationScheduler(config);
        s.put(alert("Disk", "h1", T0), T0);
        s.put(alert("Disk", "h2", at("10s")), at("10s"));
        assertThat(s.nextDue()).contains(at("30s"));
        assertThat(run(s, T0, at("29s"))).isEmpty();
        List<Notification> sent = s.due(at("30s"));
        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.receiver()).isEqualTo("ops");
            assertThat(n.groupLabels()).isEqualTo(Map.of("alertname", "Disk"));
            assertThat(n.groupKey()).isEqualTo("0:{alertname=\"Disk\"}");
            assertThat(n.firing()).extracting(a -> a.labels().get("instance")).containsExactly("h1", "h2");
            assertThat(n.resolved()).isEmpty();
            assertThat(n.at()).isEqualTo(at("30s"));
        });
    }

    @Test
    void groupByKeepsDifferentAlertnamesApart() {
        NotificationScheduler s = new NotificationScheduler(config);
        s.put(alert("Disk", "h1", T0), T0);
        s.put(alert("Cpu", "h1", T0), T0);
        assertThat(s.due(at("30s"))).extracting(n -> n.groupLabels().get("alertname")).containsExactly("Disk", "Cpu");
        assertThat(s.groupCount()).isEqualTo(2);
    }

    @Test
    void alertOlderThanGroupWaitIsSentAtOnce() {
        NotificationScheduler s = new NotificationScheduler(config);
        s.put(alert("Disk", "h1", T0.minusSeconds(120)), T0);
        assertThat(s.due(T0)).hasSize(1);
    }

    @Test
    void changesWaitForTheNextGroupIntervalAndUnchangedGroupsRepeat() {
        NotificationScheduler s = new NotificationScheduler(config);
        s.put(alert("Disk", "h1", T0), T0);
        assertThat(s.due(at("30s"))).hasSize(1);
        // A new alert in the flushed group goes out at the next group_interval tick (30s + 5m), not earlier.
        s.put(alert("Disk", "h2", at("1m")), at("1m"));
        assertThat(run(s, at("31s"), at("5m29s"))).isEmpty();
        assertThat(s.due(at("5m30s"))).singleElement()
                .satisfies(n -> assertThat(n.firing()).hasSize(2));
        // Nothing changed: ticks every 5m are silent until more than repeat_interval (1h) has passed since the last
        // send, so the repeat goes out at the first tick after 1h5m30s.
        List<Notification> repeats = run(s, at("5m31s"), at("2h20m"));
        assertThat(repeats).extracting(Notification::at).containsExactly(at("1h10m30s"), at("2h15m30s"));
        assertThat(repeats).allSatisfy(n -> assertThat(n.firing()).hasSize(2));
    }

    @Test
    void resolvedAlertsAreNotifiedAndTheGroupIsDroppedAfterwards() {
        NotificationScheduler s = new NotificationScheduler(config);
        Alert h1 = alert("Disk", "h1", T0);
        Alert h2 = alert("Disk", "h2", T0);
        s.put(h1, T0);
        s.put(h2, T0);
        assertThat(s.due(at("30s"))).hasSize(1);
        s.put(h1.resolvedAt(at("2m")), at("2m"));
        List<Notification> partial = run(s, at("31s"), at("5m30s"));
        assertThat(partial).singleElement().satisfies(n -> {
            assertThat(n.firing()).containsExactly(h2);
            assertThat(n.resolved()).containsExactly(h1.resolvedAt(at("2m")));
        });
        s.put(h2.resolvedAt(at("6m")), at("6m"));
        List<Notification> all = run(s, at("5m31s"), at("10m30s"));
        assertThat(all).singleElement().satisfies(n -> {
            assertThat(n.firing()).isEmpty();
            assertThat(n.resolved()).containsExactly(h2.resolvedAt(at("6m")));
        });
        assertThat(s.groupCount()).isZero();
        assertThat(s.nextDue()).isEmpty();
        assertThat(run(s, at("10m31s"), at("2h"))).isEmpty();
    }

    @Test
    void alertThatFiresAndResolvesBeforeTheFirstFlushIsNeverSent() {
        NotificationScheduler s = new NotificationScheduler(config);
        Alert blip = alert("Blip", "h1", T0);
        s.put(blip, T0);
        s.put(blip.resolvedAt(at("10s")), at("10s"));
        assertThat(run(s, T0, at("1h"))).isEmpty();
        assertThat(s.groupCount()).isZero();
        // A resolved alert for which no group exists opens none.
        s.put(alert("Other", "h1", T0).resolvedAt(at("1m")), at("1h"));
        assertThat(s.groupCount()).isZero();
    }

    @Test
    void withoutSendResolvedPartialResolutionWaitsForTheRepeatAndFullResolutionIsSilent() {
        NotificationScheduler s = new NotificationScheduler(config, MuteCheck.NONE, receiver -> false);
        Alert h1 = alert("Disk", "h1", T0);
        Alert h2 = alert("Disk", "h2", T0);
        s.put(h1, T0);
        s.put(h2, T0);
        assertThat(s.due(at("30s"))).hasSize(1);
        s.put(h1.resolvedAt(at("2m")), at("2m"));
        List<Notification> sent = run(s, at("31s"), at("1h6m"));
        assertThat(sent).extracting(Notification::at).containsExactly(at("1h5m30s"));
        assertThat(sent.get(0).firing()).containsExactly(h2);
        assertThat(sent.get(0).resolved()).isEmpty();
        s.put(h2.resolvedAt(at("1h7m")), at("1h7m"));
        assertThat(run(s, at("1h6m1s"), at("3h"))).isEmpty();
        assertThat(s.groupCount()).isZero();
    }

    @Test
    void eachMatchedRouteGetsItsOwnGroupAndTheRootOnlyWhatNoChildTook() {
        NotificationScheduler s = new NotificationScheduler(config);
        Instant monday = at("24h");
        s.put(Alert.firing(Map.of("alertname", "Slow", "team", "db", "window", "sunday"), monday), monday);
        s.put(Alert.firing(Map.of("alertname", "Slow", "team", "db"), monday), monday);
        s.put(Alert.firing(Map.of("alertname", "Slow"), monday), monday);
        assertThat(s.groupCount()).isEqualTo(3);
        assertThat(s.due(monday.plusSeconds(30))).satisfiesExactly(
                n -> {
                    assertThat(n.receiver()).isEqualTo("db");
                    assertThat(n.firing()).hasSize(2);
                },
                n -> assertThat(n.receiver()).isEqualTo("weekday-only"),
                n -> {
                    assertThat(n.receiver()).isEqualTo("ops");
                    assertThat(n.firing()).singleElement().satisfies(a -> assertThat(a.labels()).doesNotContainKey("team"));
                });
    }

    @Test
    void silencedAlertsAreLeftOutAndNotifiedWhenTheSilenceEnds() {
        Silence silence = new Silence(MatcherParser.parseAll("instance=\"h2\""), T0, at("20m"), "bob", "reboot");
        NotificationScheduler s = new NotificationScheduler(config,
                MuteCheck.of(config.inhibitor(), () -> List.of(silence)), receiver -> true);
        s.put(alert("Disk", "h1", T0), T0);
        s.put(alert("Disk", "h2", T0), T0);
        assertThat(s.due(at("30s"))).singleElement()
                .satisfies(n -> assertThat(n.firing()).extracting(a -> a.labels().get("instance")).containsExactly("h1"));
        List<Notification> later = run(s, at("31s"), at("25m30s"));
        assertThat(later).singleElement().satisfies(n -> {
            assertThat(n.at()).isEqualTo(at("20m30s"));
            assertThat(n.firing()).hasSize(2);
        });
    }

    @Test
    void fullySilencedGroupSendsNothing() {
        Silence silence = new Silence(MatcherParser.parseAll("alertname=\"Disk\""), T0, at("24h"), "bob", "known");
        NotificationScheduler s = new NotificationScheduler(config,
                MuteCheck.of(config.inhibitor(), () -> List.of(silence)), receiver -> true);
        s.put(alert("Disk", "h1", T0), T0);
        assertThat(run(s, T0, at("3h"))).isEmpty();
        assertThat(s.groupCount()).isEqualTo(1);
    }

    @Test
    void muteTimeIntervalHoldsTheRouteBack() {
        NotificationScheduler s = new NotificationScheduler(config);
        // T0 is Sunday 2026-11-29 10:00 UTC; the route is muted all Sunday.
        s.put(Alert.firing(Map.of("alertname", "Batch", "window", "sunday"), T0), T0);
        assertThat(run(s, T0, at("13h59m59s"))).isEmpty();
        List<Notification> monday = run(s, at("14h"), at("14h5m"));
        assertThat(monday).singleElement().satisfies(n -> {
            assertThat(n.receiver()).isEqualTo("weekday-only");
            assertThat(n.at()).isEqualTo(at("14h0m30s"));
        });
    }

    @Test
    void groupsStayBoundedUnderChurn() {
        NotificationScheduler s = new NotificationScheduler(config);
        Instant t = T0;
        for (int i = 0; i < 500; i++) {
            Alert a = alert("Flap" + i, "h1", t);
            s.put(a, t);
            s.due(t.plusSeconds(30));
            s.put(a.resolvedAt(t.plusSeconds(60)), t.plusSeconds(60));
            s.due(t.plus(Duration.ofMinutes(6)));
            t = t.plus(Duration.ofMinutes(7));
        }
        assertThat(s.groupCount()).isZero();
    }
}
