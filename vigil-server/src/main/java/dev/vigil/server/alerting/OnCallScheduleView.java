package dev.vigil.server.alerting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An on-call schedule as the API shows it: its layers (later ones on top) and its overrides. */
public record OnCallScheduleView(UUID id, String name, String timezone, List<RotationView> rotations, List<OverrideView> overrides,
        String createdBy, Instant createdAt) {

    public record RotationView(String name, String type, String handoff, String handoffDay, Integer shiftDays, List<String> participants,
            RestrictionView restriction, LocalDate startsOn) {
    }

    public record RestrictionView(String from, String to) {
    }

    public record OverrideView(UUID id, String user, Instant from, Instant to, String createdBy, Instant createdAt) {
    }

    /** Who is on call at an instant; user is null when nobody is, source names the override or rotation. */
    public record WhoView(Instant at, String user, String source) {
    }

    /** The intervals with nobody on call in [from, to) and their total. */
    public record CoverageView(Instant from, Instant to, boolean covered, long uncoveredMinutes, List<GapView> gaps) {
    }

    /** Who is on call from..to and why (override or rotation:NAME); user null: nobody. */
    public record ShiftView(Instant from, Instant to, String user, String source) {
    }

    public record GapView(Instant from, Instant to) {
    }
}
