package dev.vigil.monitor.routing;

import java.time.Instant;
import java.util.List;

/** A named entry of {@code time_intervals}: active when any of its periods contains the instant. */
public record TimeInterval(String name, List<TimePeriod> periods) {

    public TimeInterval {
        periods = List.copyOf(periods);
    }

    public boolean isActive(Instant instant) {
        return periods.stream().anyMatch(p -> p.contains(instant));
    }
}
