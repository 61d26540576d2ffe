package dev.vigil.monitor.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeIntervalTest {

    @TempDir
    Path dir;

    private AlertmanagerConfig load(String intervals) throws IOException {
        Path file = dir.resolve("am.yml");
        Files.writeString(file, "route: {receiver: r}\nreceivers: [{name: r}]\ntime_intervals:\n" + intervals);
        return AlertmanagerConfigLoader.load(file);
    }

    @Test
    void nightWindowAcrossMidnightIsTwoRangesAndEndIsExclusive() throws IOException {
        AlertmanagerConfig config = load("""
                  - name: night
                    time_intervals:
                      - times: [{start_time: '22:00', end_time: '24:00'}, {start_time: '00:00', end_time: '02:00'}]
                """);
        assertThat(config.isActive("night", Instant.parse("2026-03-10T21:59:59Z"))).isFalse();
        assertThat(config.isActive("night", Instant.parse("2026-03-10T22:00:00Z"))).isTrue();
        assertThat(config.isActive("night", Instant.parse("2026-03-10T23:59:59Z"))).isTrue();
        assertThat(config.isActive("night", Instant.parse("2026-03-11T00:00:00Z"))).isTrue();
        assertThat(config.isActive("night", Instant.parse("2026-03-11T01:59:59Z"))).isTrue();
        assertThat(config.isActive("night", Instant.parse("2026-03-11T02:00:00Z"))).isFalse();
    }

    @Test
    void weekdayAndTimeAreReadInTheIntervalsZone() throws IOException {
        AlertmanagerConfig config = load("""
                  - name: sydney-monday-morning
                    time_intervals:
                      - weekdays: [monday]
                        times: [{start_time: '08:00', end_time: '10:00'}]
                        location: Australia/Sydney
                """);
        // Monday 2026-03-02 08:30 in Sydney (UTC+11, daylight time) is Sunday 21:30 UTC.
        assertThat(config.isActive("sydney-monday-morning", Instant.parse("2026-03-01T21:30:00Z"))).isTrue();
        assertThat(config.isActive("sydney-monday-morning", Instant.parse("2026-03-02T08:30:00Z"))).isFalse();
        // Monday 2026-07-06 08:30 in Sydney is UTC+10 (standard time): Sunday 22:30 UTC.
        assertThat(config.isActive("sydney-monday-morning", Instant.parse("2026-07-05T22:30:00Z"))).isTrue();
        assertThat(config.isActive("sydney-monday-morning", Instant.parse("2026-07-05T21:30:00Z"))).isFalse();
    }

    @Test
    void daylightSavingShiftsTheUtcWindow() throws IOException {
        AlertmanagerConfig config = load("""
                  - name: berlin-nine
                    time_intervals:
                      - times: [{start_time: '09:00', end_time: '10:00'}]
                        location: Europe/Berlin
                """);
        assertThat(config.isActive("berlin-nine", Instant.parse("2026-01-15T08:30:00Z"))).isTrue();
        assertThat(config.isActive("berlin-nine", Instant.parse("2026-07-15T08:30:00Z"))).isFalse();
        assertThat(config.isActive("berlin-nine", Instant.parse("2026-07-15T07:30:00Z"))).isTrue();
    }

    @Test
    void negativeDaysOfMonthCountFromTheEndAndMonthsYearsRestrict() throws IOException {
        AlertmanagerConfig config = load("""
                  - name: month-end
                    time_intervals:
                      - days_of_month: ['-3:-1']
                        months: ['february', '11:december']
                        years: ['2024:2026']
                """);
        // February 2024 has 29 days: 27, 28, 29 are the last three.
        assertThat(config.isActive("month-end", Instant.parse("2024-02-26T12:00:00Z"))).isFalse();
        assertThat(config.isActive("month-end", Instant.parse("2024-02-27T12:00:00Z"))).isTrue();
        assertThat(config.isActive("month-end", Instant.parse("2026-02-26T12:00:00Z"))).isTrue();
        assertThat(config.isActive("month-end", Instant.parse("2026-11-28T00:00:00Z"))).isTrue();
        assertThat(config.isActive("month-end", Instant.parse("2026-11-27T23:59:00Z"))).isFalse();
        assertThat(config.isActive("month-end", Instant.parse("2026-03-31T12:00:00Z"))).isFalse();
        assertThat(config.isActive("month-end", Instant.parse("2027-12-31T12:00:00Z"))).isFalse();
    }

    @Test
    void dayOfMonthPastTheMonthsEndNeverMatchesAndEndIsClamped() throws IOException {
        AlertmanagerConfig config = load("""
                  - name: day-31
                    time_intervals: [{days_of_month: ['31']}]
                  - name: from-29
                    time_intervals: [{days_of_month: ['29:31']}]
                """);
        assertThat(config.isActive("day-31", Instant.parse("2026-04-30T12:00:00Z"))).isFalse();
        assertThat(config.isActive("day-31", Instant.parse("2026-05-31T12:00:00Z"))).isTrue();
        assertThat(config.isActive("from-29", Instant.parse("2026-02-28T12:00:00Z"))).isFalse();
        assertThat(config.isActive("from-29", Instant.parse("2026-04-30T12:00:00Z"))).isTrue();
    }

    @Test
    void anyPeriodSufficesAndAnEmptyPeriodIsAlwaysActive() throws IOException {
        AlertmanagerConfig config = load("""
                  - name: weekend-or-friday-evening
                    time_intervals:
                      - weekdays: ['saturday', 'sunday']
                      - weekdays: ['friday']
                        times: [{start_time: '18:00', end_time: '24:00'}]
                  - name: always
                    time_intervals: [{}]
                  - name: never
                    time_intervals: []
                """);
        assertThat(config.isActive("weekend-or-friday-evening", Instant.parse("2026-11-29T10:00:00Z"))).isTrue(); // Sunday
        assertThat(config.isActive("weekend-or-friday-evening", Instant.parse("2026-11-27T19:00:00Z"))).isTrue(); // Friday
        assertThat(config.isActive("weekend-or-friday-evening", Instant.parse("2026-11-27T17:00:00Z"))).isFalse();
        assertThat(config.isActive("weekend-or-friday-evening", Instant.parse("2026-11-30T10:00:00Z"))).isFalse(); // Monday
        assertThat(config.isActive("always", Instant.parse("2026-11-30T10:00:00Z"))).isTrue();
        assertThat(config.isActive("never", Instant.parse("2026-11-30T10:00:00Z"))).isFalse();
    }

    @Test
    void routeMutingUsesMuteAndActiveIntervals() throws IOException {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, """
                route:
                  receiver: r
                  routes:
                    - {matchers: ['a="1"'], mute_time_intervals: [sunday]}
                    - {matchers: ['a="2"'], active_time_intervals: [sunday]}
                    - {matchers: ['a="3"'], active_time_intervals: [sunday], mute_time_intervals: [sunday]}
                receivers: [{name: r}]
                time_intervals: [{name: sunday, time_intervals: [{weekdays: [sunday]}]}]
                """);
        AlertmanagerConfig config = AlertmanagerConfigLoader.load(file);
        Instant sunday = Instant.parse("2026-11-29T10:00:00Z");
        Instant monday = Instant.parse("2026-11-30T10:00:00Z");
        Route muted = config.route(java.util.Map.of("a", "1")).get(0);
        Route active = config.route(java.util.Map.of("a", "2")).get(0);
        Route both = config.route(java.util.Map.of("a", "3")).get(0);
        assertThat(config.isRouteMuted(muted, sunday)).isTrue();
        assertThat(config.isRouteMuted(muted, monday)).isFalse();
        assertThat(config.isRouteMuted(active, sunday)).isFalse();
        assertThat(config.isRouteMuted(active, monday)).isTrue();
        assertThat(config.isRouteMuted(both, sunday)).isTrue();
        assertThat(config.isRouteMuted(config.routingTree().root(), sunday)).isFalse();
    }
}
