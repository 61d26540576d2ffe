package dev.vigil.monitor.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vigil.monitor.yaml.YamlException;

class AlertmanagerConfigLoaderTest {

    @TempDir
    Path dir;

    private AlertmanagerConfig load(String yaml) throws IOException {
        Path file = dir.resolve("alertmanager.yml");
        Files.writeString(file, yaml);
        return AlertmanagerConfigLoader.load(file);
    }

    private static final String RECEIVERS = """
            receivers:
              - name: root
              - name: a
              - name: b
                webhook_configs:
                  - url: http://hook.example/x
                    send_resolved: false
            """;

    @Test
    void childrenInheritReceiverGroupByAndTimingsUnlessTheySetThem() throws IOException {
        AlertmanagerConfig config = load("""
                route:
                  receiver: root
                  group_by: [alertname]
                  group_wait: 1m
                  repeat_interval: 2h
                  routes:
                    - matchers: ['team="a"']
                      group_interval: 10m
                      routes:
                        - matchers: ['sev="page"']
                          receiver: b
                          group_by: ['...']
                          group_wait: 0s
                """ + RECEIVERS);
        Route root = config.routingTree().root();
        assertThat(root.timing()).isEqualTo(new Route.Timing(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(2)));
        Route team = root.children().get(0);
        assertThat(team.receiver()).isEqualTo("root");
        assertThat(team.id()).isEqualTo("0.0");
        assertThat(team.groupBy()).isEqualTo(new Route.GroupBy(false, List.of("alertname")));
        assertThat(team.timing()).isEqualTo(new Route.Timing(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(2)));
        Route page = team.children().get(0);
        assertThat(page.groupBy().all()).isTrue();
        assertThat(page.timing()).isEqualTo(new Route.Timing(Duration.ZERO, Duration.ofMinutes(10), Duration.ofHours(2)));
        assertThat(page.groupBy().select(Map.of("x", "1", "y", "2"))).isEqualTo(Map.of("x", "1", "y", "2"));
        assertThat(config.route(Map.of("team", "a", "sev", "page"))).containsExactly(page);
        assertThat(config.route(Map.of("team", "a"))).containsExactly(team);
        assertThat(config.route(Map.of("team", "z"))).containsExactly(root);
    }

    @Test
    void legacyMatchAndMatchReAreAnchoredMatchers() throws IOException {
        AlertmanagerConfig config = load("""
                route:
                  receiver: root
                  routes:
                    - match: {team: a}
                      match_re: {service: 'api|web'}
                      receiver: a
                """ + RECEIVERS);
        assertThat(config.routingTree().receivers(Map.of("team", "a", "service", "web"))).containsExactly("a");
        assertThat(config.routingTree().receivers(Map.of("team", "a", "service", "webx"))).containsExactly("root");
        assertThat(config.routingTree().receivers(Map.of("service", "api"))).containsExactly("root");
    }

    @Test
    void continueCollectsSeveralRoutesAndNestedContinueStaysInsideItsParent() throws IOException {
        AlertmanagerConfig config = load("""
                route:
                  receiver: root
                  routes:
                    - matchers: ['x="1"']
                      receiver: a
                      continue: true
                      routes:
                        - matchers: ['y="1"']
                          receiver: b
                          continue: true
                        - matchers: ['z="1"']
                          receiver: root
                    - matchers: ['x=~"1|2"']
                      receiver: b
                """ + RECEIVERS);
        assertThat(config.routingTree().receivers(Map.of("x", "1"))).containsExactly("a", "b");
        assertThat(config.routingTree().receivers(Map.of("x", "1", "y", "1"))).containsExactly("b", "b");
        assertThat(config.routingTree().receivers(Map.of("x", "1", "y", "1", "z", "1"))).containsExactly("b", "root", "b");
        assertThat(config.routingTree().receivers(Map.of("x", "2"))).containsExactly("b");
    }

    @Test
    void receiversKeepTheirIntegrationsAsPlainMaps() throws IOException {
        AlertmanagerConfig config = load("route: {receiver: root}\n" + RECEIVERS);
        assertThat(config.receivers()).containsOnlyKeys("root", "a", "b");
        assertThat(config.receivers().get("root").integrations()).isEmpty();
        assertThat(config.receivers().get("b").integrations()).isEqualTo(Map.of("webhook_configs",
                List.of(Map.of("url", "http://hook.example/x", "send_resolved", "false"))));
    }

    @Test
    void readsTimeIntervalsAndInhibitRules() throws IOException {
        AlertmanagerConfig config = load("""
                route: {receiver: root, routes: [{receiver: a, active_time_intervals: [office]}]}
                time_intervals:
                  - name: office
                    time_intervals:
                      - weekdays: ['monday:friday']
                        times: [{start_time: '09:00', end_time: '17:00'}]
                        location: Europe/Paris
                inhibit_rules:
                  - source_matchers: ['severity="critical"']
                    target_match: {severity: warning}
                    equal: [instance]
                """ + RECEIVERS);
        assertThat(config.timeIntervals()).containsOnlyKeys("office");
        TimePeriod period = config.timeIntervals().get("office").periods().get(0);
        assertThat(period.weekdays()).containsExactly(new TimePeriod.Range(1, 5));
        assertThat(period.times()).containsExactly(new TimePeriod.Range(9 * 60, 17 * 60));
        assertThat(period.location().getId()).isEqualTo("Europe/Paris");
        InhibitRule rule = config.inhibitor().rules().get(0);
        assertThat(rule.targetMatchers()).containsExactly(Matcher.of("severity", Matcher.Type.EQUAL, "warning"));
        assertThat(rule.equal()).containsExactly("instance");
    }

    @Test
    void acceptsWhatAlertmanagerAccepts() throws IOException {
        AlertmanagerConfig config = load("""
                route:
                  receiver: root
                  routes:
                    - matchers: ['{job:name="x"', 'b=1,']
                      receiver: a
                      continue: yes
                time_intervals: [{name: t, time_intervals: [{location: '', days_of_month: ['3:-5']}]}]
                """ + RECEIVERS);
        Route child = config.routingTree().root().children().get(0);
        assertThat(child.continueMatching()).isTrue();
        assertThat(child.matchers()).extracting(Matcher::toString).containsExactly("job:name=\"x\"", "b=\"1\"");
        assertThat(config.timeIntervals().get("t").periods().get(0).location().getId()).isEqualTo("UTC");
    }

    @Test
    void errorsNameFileLineAndKey() {
        assertError("""
                route:
                  receiver: root
                  routes:
                    - receiver: nobody
                """ + RECEIVERS, ":4:", "route.routes[0].receiver: undefined receiver \"nobody\"");
        assertError("""
                route:
                  receiver: root
                  routes:
                    - matchers: ['a="1"', 'b=~"("']
                """ + RECEIVERS, ":4:", "route.routes[0].matchers[1]: invalid regex");
        assertError("""
                route:
                  receiver: root
                  routes:
                    - match_re: {b: '[z'}
                """ + RECEIVERS, ":4:", "route.routes[0].match_re.b: invalid regex");
        assertError("""
                route:
                  receiver: root
                  group_wait: 5 minutes
                """ + RECEIVERS, ":3:", "route.group_wait: bad duration");
        assertError("route: {receiver: root, repeat_interval: 0s}\n" + RECEIVERS, ":1:", "repeat_interval cannot be zero");
        assertError("route: {receiver: root, group_by: [a, '...']}\n" + RECEIVERS, ":1:", "wildcard group_by");
        assertError("route: {receiver: root, routes: [{mute_time_intervals: [nightly]}]}\n" + RECEIVERS, ":1:",
                "route.routes[0].mute_time_intervals[0]: undefined time interval \"nightly\"");
        assertError("route: {receiver: root, matchers: ['a=\"b\"']}\n" + RECEIVERS, ":1:", "root route must not have any matchers");
        assertError("route: {group_wait: 1m}\n" + RECEIVERS, ":1:", "root route must specify a default receiver");
        assertError("route: {receiver: root, routez: []}\n" + RECEIVERS, ":1:", "field routez not found");
        assertError("route: {receiver: root}\nreceivers: [{name: root}, {name: root}]\n", ":2:", "receivers[1].name: notification config name \"root\" is not unique");
        assertError("""
                route: {receiver: root}
                time_intervals:
                  - name: bad
                    time_intervals:
                      - times: [{start_time: '18:00', end_time: '08:00'}]
                """ + RECEIVERS, ":5:", "time_intervals[0].time_intervals[0].times: start time cannot be equal or greater than end time");
        assertError("""
                route: {receiver: root}
                time_intervals:
                  - name: bad
                    time_intervals:
                      - weekdays: [friday:monday]
                """ + RECEIVERS, ":5:", "weekdays: start of \"friday:monday\" cannot be after its end");
        assertError("""
                route: {receiver: root}
                time_intervals:
                  - name: bad
                    time_intervals:
                      - weekdays: ['saturday:sunday', '1']
                """ + RECEIVERS, ":5:", "cannot be after its end");
        assertError("""
                route: {receiver: root}
                time_intervals:
                  - name: bad
                    time_intervals:
                      - weekdays: ['1']
                """ + RECEIVERS, ":5:", "weekdays: invalid value \"1\"");
        assertError("""
                route: {receiver: root}
                time_intervals:
                  - name: bad
                    time_intervals:
                      - days_of_month: ['-5:3']
                """ + RECEIVERS, ":5:", "end day must be negative if start day is negative");
        assertError("""
                route: {receiver: root}
                time_intervals:
                  - name: bad
                    time_intervals:
                      - location: Mars/Olympus
                """ + RECEIVERS, ":5:", "location: unknown time zone");
        assertError("""
                route: {receiver: root}
                time_intervals:
                  - name: bad
                    time_intervals:
                      - times: [{start_time: '25:00', end_time: '26:00'}]
                """ + RECEIVERS, ":5:", "invalid time of day \"25:00\"");
        assertError("""
                route: {receiver: root}
                time_intervals:
                  - name: bad
                    time_intervals:
                      - days_of_month: ['0:5']
                """ + RECEIVERS, ":5:", "0 is not a valid day of the month");
    }

    private void assertError(String yaml, String line, String message) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(YamlException.class)
                .hasMessageStartingWith(dir.resolve("alertmanager.yml") + line)
                .hasMessageContaining(message);
    }
}
