package dev.vigil.server.alerting.internal.oncall;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/**
 * One layer of a schedule: participants take turns, handing over at {@code handoff} local time every day (daily), every
 * week on {@code handoffDay} (weekly) or every {@code shiftDays} days (custom), counted from {@code startsOn}. An optional
 * restriction limits the layer to a window of each day (e.g. 09:00–17:00; a window may wrap past midnight), which is how
 * follow-the-sun is built: one restricted layer per region.
 */
public record Rotation(String name, Type type, LocalTime handoff, DayOfWeek handoffDay, int shiftDays, List<String> participants,
        Restriction restriction, LocalDate startsOn) {

    public enum Type { DAILY, WEEKLY, CUSTOM }

    /** A daily window [from, to) in local time; from after to wraps past midnight. */
    public record Restriction(LocalTime from, LocalTime to) {

        public Restriction {
            if (from.equals(to)) {
                throw new IllegalArgumentException("restriction from and to must differ");
            }
        }

        boolean contains(LocalTime time) {
            return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
        }
    }

    public Rotation {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rotation needs a name");
        }
        if (participants == null || participants.isEmpty() || participants.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("rotation '" + name + "' needs at least one participant");
        }
        if (type == Type.CUSTOM && shiftDays < 1) {
            throw new IllegalArgumentException("custom rotation '" + name + "' needs shiftDays of at least 1");
        }
        if (type == Type.WEEKLY && handoffDay == null) {
            throw new IllegalArgumentException("weekly rotation '" + name + "' needs a handoffDay");
        }
        participants = List.copyOf(participants);
    }

    /** Who this layer puts on call at a local date-time, if anyone. */
    Optional<String> onCall(LocalDateTime local) {
        if (restriction != null && !restriction.contains(local.toLocalTime())) {
            return Optional.empty();
        }
        LocalDate shiftDay = local.toLocalTime().isBefore(handoff) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        LocalDate anchor = type == Type.WEEKLY ? startsOn.with(TemporalAdjusters.previousOrSame(handoffDay)) : startsOn;
        long days = ChronoUnit.DAYS.between(anchor, shiftDay);
        if (local.isBefore(startsOn.atTime(handoff))) {
            return Optional.empty();
        }
        long length = switch (type) {
            case DAILY -> 1;
            case WEEKLY -> 7;
            case CUSTOM -> shiftDays;
        };
        return Optional.of(participants.get((int) Math.floorMod(Math.floorDiv(days, length), participants.size())));
    }

    /** Local times of each day at which this layer's answer may change. */
    List<LocalTime> boundaries() {
        return restriction == null ? List.of(handoff) : List.of(handoff, restriction.from(), restriction.to());
    }
}
