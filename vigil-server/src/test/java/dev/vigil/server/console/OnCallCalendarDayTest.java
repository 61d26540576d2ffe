package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.vigil.server.alerting.OnCallScheduleView.ShiftView;
import org.junit.jupiter.api.Test;

/** The calendar cuts shifts at local midnight of the schedule's zone, including the 23-hour day of a DST change. */
class OnCallCalendarDayTest {

    @Test
    void aShiftAcrossMidnightIsCutAndTheDstDayHas23Hours() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<ShiftView> shifts = List.of(
                new ShiftView(Instant.parse("2026-03-28T16:00:00Z"), Instant.parse("2026-03-29T07:00:00Z"), "alice", "rotation:night"),
                new ShiftView(Instant.parse("2026-03-29T07:00:00Z"), Instant.parse("2026-03-29T22:00:00Z"), null, null));
        OnCallPageController.Day day = OnCallPageController.day(LocalDate.parse("2026-03-29"), berlin, shifts);
        assertThat(day.pieces()).extracting(OnCallPageController.Piece::from, OnCallPageController.Piece::to, OnCallPageController.Piece::user)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("00:00", "09:00", "alice"),
                        org.assertj.core.groups.Tuple.tuple("09:00", "24:00", null));
        // 23 local hours that day: 8 of them (00:00-09:00 minus the skipped hour) are alice's
        assertThat(day.pieces().get(0).percent()).isEqualTo(34.78);
        assertThat(day.pieces().get(1).percent()).isEqualTo(65.22);
    }
}
