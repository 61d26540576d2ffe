package dev.vigil.server.alerting;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** A new on-call schedule: rotations are layers, later ones on top; times are "HH:mm" in the schedule's time zone. */
public record OnCallScheduleRequest(@Size(max = 200) String name, @Size(max = 100) String timezone,
        @Size(max = 20) List<@Valid RotationRequest> rotations) {

    /** type daily, weekly (needs handoffDay) or custom (needs shiftDays); startsOn defaults to today in the time zone. */
    public record RotationRequest(@Size(max = 200) String name, @Size(max = 10) String type, @Size(max = 5) String handoff,
            @Size(max = 10) String handoffDay, Integer shiftDays, @Size(max = 100) List<@Size(max = 64) String> participants,
            @Valid RestrictionRequest restriction, LocalDate startsOn) {
    }

    public record RestrictionRequest(@Size(max = 5) String from, @Size(max = 5) String to) {
    }
}
