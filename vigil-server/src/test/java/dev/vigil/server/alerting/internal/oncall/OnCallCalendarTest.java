package dev.vigil.server.alerting.internal.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OnCallCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday

    private static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    private static Rotation weekly(String... people) {
        return new Rotation("primary", Rotation.Type.WEEKLY, LocalTime.of(9, 0), DayOfWeek.MONDAY, 0, List.of(people), null, START);
    }

    private static Optional<String> who(OnCallCalendar calendar, String local) {
        return calendar.at(berlin(local)).map(OnCallCalendar.OnCall::user);
    }

    @Test
    void weeklyRotationHandsOverOnMondayAtNineLocalTimeAcrossTheDaylightSavingChange() {
        var calendar = new OnCallCalendar(BERLIN, List.of(weekly("alice", "bob")), List.of());
        assertThat(who(calendar, "2026-03-02T08:59")).isEmpty();
        assertThat(who(calendar, "2026-03-02T09:00")).contains("alice");
        assertThat(who(calendar, "2026-03-09T08:59")).contains("alice");
        assertThat(who(calendar, "2026-03-09T09:00")).contains("bob");
        // clocks go forward on 29 March 2026 in Berlin: the handoff on 30 March is still 09:00 local (07:00 UTC, not 08:00)
        assertThat(who(calendar, "2026-03-30T08:59")).contains("bob");
        assertThat(calendar.at(Instant.parse("2026-03-30T07:00:00Z")).orElseThrow().user()).isEqualTo("alice");
        assertThat(calendar.at(Instant.parse("2026-03-30T06:59:59Z")).orElseThrow().user()).isEqualTo("bob");
    }

    @Test
    void dailyAndCustomRotationsCountShiftsFromTheirStart() {
        var daily = new Rotation("d", Rotation.Type.DAILY, LocalTime.of(9, 0), null, 0, List.of("a", "b", "c"), null, START);
        var custom = new Rotation("c", Rotation.Type.CUSTOM, LocalTime.of(0, 0), null, 2, List.of("x", "y"), null, START);
        assertThat(who(new OnCallCalendar(BERLIN, List.of(daily), List.of()), "2026-03-04T10:00")).contains("c");
        assertThat(who(new OnCallCalendar(BERLIN, List.of(daily), List.of()), "2026-03-05T08:00")).contains("c");
        assertThat(who(new OnCallCalendar(BERLIN, List.of(daily), List.of()), "2026-03-05T09:00")).contains("a");
        var customCalendar = new OnCallCalendar(BERLIN, List.of(custom), List.of());
        assertThat(who(customCalendar, "2026-03-03T23:59")).contains("x");
        assertThat(who(customCalendar, "2026-03-04T00:00")).contains("y");
        assertThat(who(customCalendar, "2026-03-06T00:00")).contains("x");
    }

    @Test
    void overridesWinOverLayersAndLaterLayersWinOverEarlierOnes() {
        var business = new Rotation("business-hours", Rotation.Type.DAILY, LocalTime.of(9, 0), null, 0, List.of("carol"),
                new Rotation.Restriction(LocalTime.of(9, 0), LocalTime.of(17, 0)), START);
        var override = new OnCallCalendar.Override("dave", berlin("2026-03-10T12:00"), berlin("2026-03-10T13:00"));
        var calendar = new OnCallCalendar(BERLIN, List.of(weekly("alice", "bob"), business), List.of(override));
        assertThat(who(calendar, "2026-03-10T08:00")).contains("bob");
        assertThat(calendar.at(berlin("2026-03-10T10:00"))).contains(new OnCallCalendar.OnCall("carol", "rotation:business-hours"));
        assertThat(calendar.at(berlin("2026-03-10T12:30"))).contains(new OnCallCalendar.OnCall("dave", "override"));
        assertThat(who(calendar, "2026-03-10T13:00")).contains("carol");
        assertThat(who(calendar, "2026-03-10T17:00")).contains("bob");
    }

    @Test
    void followTheSunLeavesTheUncoveredHoursAsGaps() {
        var europe = new Rotation("europe", Rotation.Type.WEEKLY, LocalTime.of(8, 0), DayOfWeek.MONDAY, 0, List.of("eu1", "eu2"),
                new Rotation.Restriction(LocalTime.of(8, 0), LocalTime.of(16, 0)), START);
        var americas = new Rotation("americas", Rotation.Type.WEEKLY, LocalTime.of(16, 0), DayOfWeek.MONDAY, 0, List.of("us1"),
                new Rotation.Restriction(LocalTime.of(16, 0), LocalTime.of(23, 0)), START);
        var asia = new Rotation("asia", Rotation.Type.WEEKLY, LocalTime.of(0, 0), DayOfWeek.MONDAY, 0, List.of("ap1"),
                new Rotation.Restriction(LocalTime.of(0, 0), LocalTime.of(8, 0)), START);
        var calendar = new OnCallCalendar(BERLIN, List.of(europe, americas, asia), List.of());
        assertThat(who(calendar, "2026-03-11T02:00")).contains("ap1");
        assertThat(who(calendar, "2026-03-11T20:00")).contains("us1");
        var gaps = calendar.gaps(berlin("2026-03-10T00:00"), berlin("2026-03-12T00:00"));
        assertThat(gaps).containsExactly(
                new OnCallCalendar.Gap(berlin("2026-03-10T23:00"), berlin("2026-03-11T00:00")),
                new OnCallCalendar.Gap(berlin("2026-03-11T23:00"), berlin("2026-03-12T00:00")));
        assertThat(OnCallCalendar.total(gaps)).isEqualTo(Duration.ofHours(2));

        var covering = new OnCallCalendar.Override("night", berlin("2026-03-10T22:30"), berlin("2026-03-11T00:00"));
        assertThat(new OnCallCalendar(BERLIN, List.of(europe, americas, asia), List.of(covering))
                .gaps(berlin("2026-03-10T00:00"), berlin("2026-03-11T00:00"))).isEmpty();
    }

    @Test
    void invalidRotationsAreRefusedWithAReason() {
        assertThatThrownBy(() -> weekly()).hasMessageContaining("participant");
        assertThatThrownBy(() -> new Rotation("w", Rotation.Type.WEEKLY, LocalTime.NOON, null, 0, List.of("a"), null, START))
                .hasMessageContaining("handoffDay");
        assertThatThrownBy(() -> new Rotation.Restriction(LocalTime.NOON, LocalTime.NOON)).hasMessageContaining("differ");
    }
}
