package dev.vigil.monitor.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One entry of a named time interval: every field that is set must hold (an empty list means "any"). Times are
 * minute ranges of the day, start inclusive and end exclusive ({@code 24:00} allowed as end); a range cannot cross
 * midnight, so "22:00 to 02:00" is written as two ranges. Days of month may count from the end ({@code -1} is the
 * last day). Weekdays are 0 (Sunday) to 6 (Saturday), months 1 to 12. All checks use the wall clock of
 * {@code location} (UTC when unset).
 */
public record TimePeriod(List<Range> times, List<Range> weekdays, List<Range> daysOfMonth, List<Range> months,
        List<Range> years, ZoneId location) {

    /** An inclusive range of integers (for {@code times}: minutes of the day, end exclusive). */
    public record Range(int begin, int end) {
    }

    public TimePeriod {
        times = List.copyOf(times);
        weekdays = List.copyOf(weekdays);
        daysOfMonth = List.copyOf(daysOfMonth);
        months = List.copyOf(months);
        years = List.copyOf(years);
        location = location == null ? ZoneId.of("UTC") : location;
    }

    public boolean contains(Instant instant) {
        ZonedDateTime t = instant.atZone(location);
        int minute = t.getHour() * 60 + t.getMinute();
        if (!times.isEmpty() && times.stream().noneMatch(r -> minute >= r.begin() && minute < r.end())) {
            return false;
        }
        if (!daysOfMonth.isEmpty() && daysOfMonth.stream().noneMatch(r -> containsDayOfMonth(r, t))) {
            return false;
        }
        if (!inAny(months, t.getMonthValue())) {
            return false;
        }
        if (!inAny(weekdays, t.getDayOfWeek().getValue() % 7)) {
            return false;
        }
        return inAny(years, t.getYear());
    }

    private static boolean inAny(List<Range> ranges, int value) {
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> value >= r.begin() && value <= r.end());
    }

    private static boolean containsDayOfMonth(Range range, ZonedDateTime t) {
        int daysInMonth = t.toLocalDate().lengthOfMonth();
        int begin = range.begin() < 0 ? daysInMonth + range.begin() + 1 : range.begin();
        int end = range.end() < 0 ? daysInMonth + range.end() + 1 : range.end();
        if (begin > daysInMonth) {
            return false;
        }
        end = Math.min(end, daysInMonth);
        return t.getDayOfMonth() >= begin && t.getDayOfMonth() <= end;
    }
}
