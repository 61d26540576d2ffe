package dev.vigil.server.alerting.internal.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Answers who is on call in a schedule. Rule (PagerDuty's layers): an override covering the instant wins (the latest
 * created one if several overlap); otherwise the last rotation in the list that has someone on call at that instant
 * wins, so later layers sit on top of earlier ones. Rotations are evaluated in the schedule's time zone, so a 09:00
 * handoff stays at 09:00 local time across daylight-saving changes.
 */
public final class OnCallCalendar {

    public record Override(String user, Instant from, Instant to) {

        public Override {
            if (user == null || user.isBlank() || from == null || to == null || !from.isBefore(to)) {
                throw new IllegalArgumentException("an override needs a user and from before to");
            }
        }

        boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    /** Who is on call at an instant and why: the override or the rotation that placed them. */
    public record OnCall(String user, String source) {
    }

    public record Gap(Instant from, Instant to) {
    }

    /** An interval in which the same person is on call for the same reason; {@code user} null: nobody. */
    public record Shift(Instant from, Instant to, String user, String source) {
    }

    private final ZoneId zone;
    private final List<Rotation> rotations;
    private final List<Override> overrides;

    /** @param overrides oldest first */
    public OnCallCalendar(ZoneId zone, List<Rotation> rotations, List<Override> overrides) {
        this.zone = zone;
        this.rotations = List.copyOf(rotations);
        this.overrides = List.copyOf(overrides);
    }

    public Optional<OnCall> at(Instant at) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            if (overrides.get(i).covers(at)) {
                return Optional.of(new OnCall(overrides.get(i).user(), "override"));
            }
        }
        var local = at.atZone(zone).toLocalDateTime();
        for (int i = rotations.size() - 1; i >= 0; i--) {
            Rotation rotation = rotations.get(i);
            Optional<String> user = rotation.onCall(local);
            if (user.isPresent()) {
                return Optional.of(new OnCall(user.get(), "rotation:" + rotation.name()));
            }
        }
        return Optional.empty();
    }

    /** Every interval in [from, to) with nobody on call, adjacent gaps merged. */
    public List<Gap> gaps(Instant from, Instant to) {
        return shifts(from, to).stream().filter(shift -> shift.user() == null).map(shift -> new Gap(shift.from(), shift.to())).toList();
    }

    /** [from, to) cut into shifts: who is on call and why, adjacent intervals with the same answer merged. */
    public List<Shift> shifts(Instant from, Instant to) {
        List<Shift> shifts = new ArrayList<>();
        List<Instant> edges = new ArrayList<>(boundaries(from, to));
        for (int i = 0; i < edges.size() - 1; i++) {
            Instant start = edges.get(i);
            Instant end = edges.get(i + 1);
            Optional<OnCall> onCall = at(start);
            String user = onCall.map(OnCall::user).orElse(null);
            String source = onCall.map(OnCall::source).orElse(null);
            if (!shifts.isEmpty() && shifts.getLast().to().equals(start) && java.util.Objects.equals(shifts.getLast().user(), user)
                    && java.util.Objects.equals(shifts.getLast().source(), source)) {
                shifts.set(shifts.size() - 1, new Shift(shifts.getLast().from(), end, user, source));
            } else {
                shifts.add(new Shift(start, end, user, source));
            }
        }
        return shifts;
    }

    /** The instants in [from, to] at which the answer may change; between two of them it is constant. */
    private TreeSet<Instant> boundaries(Instant from, Instant to) {
        TreeSet<Instant> edges = new TreeSet<>(List.of(from, to));
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Rotation rotation : rotations) {
                for (LocalTime time : rotation.boundaries()) {
                    edges.add(ZonedDateTime.of(day, time, zone).toInstant());
                }
                edges.add(ZonedDateTime.of(day, LocalTime.MIDNIGHT, zone).toInstant());
            }
        }
        for (Override override : overrides) {
            edges.add(override.from());
            edges.add(override.to());
        }
        return new TreeSet<>(edges.subSet(from, true, to, true));
    }

    public static Duration total(List<Gap> gaps) {
        return gaps.stream().map(gap -> Duration.between(gap.from(), gap.to())).reduce(Duration.ZERO, Duration::plus);
    }
}
