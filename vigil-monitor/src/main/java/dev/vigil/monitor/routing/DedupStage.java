package dev.vigil.monitor.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Alertmanager's DedupStage: whether a group's current firing and resolved alerts warrant a notification, given what
 * the group's last sent notification held. Shared by {@link NotificationScheduler} and callers that keep the groups
 * elsewhere (the server keeps them in its database).
 */
public final class DedupStage {

    /** What the last sent notification of a group contained (Alertmanager's notification log entry). */
    public record LogEntry(Set<String> firing, Set<String> resolved, Instant at) {

        public LogEntry {
            firing = Set.copyOf(firing);
            resolved = Set.copyOf(resolved);
        }
    }

    private DedupStage() {
    }

    /**
     * @param last the last notification's entry, null before the first
     * @param firing the ids of the firing alerts now (muted ones left out)
     * @param resolved the ids of the resolved alerts now
     */
    public static boolean needsUpdate(LogEntry last, Set<String> firing, Set<String> resolved, boolean sendResolved,
            Duration repeatInterval, Instant now) {
        if (last == null) {
            return !firing.isEmpty();
        }
        if (!last.firing().containsAll(firing)) {
            return true;
        }
        if (firing.isEmpty()) {
            return !last.firing().isEmpty();
        }
        if (sendResolved && !last.resolved().containsAll(resolved)) {
            return true;
        }
        // Strictly more than repeat_interval, as Alertmanager compares the log timestamp (taken after delivery) with
        // the flush time: the repeat goes out at the first flush after last + repeat_interval.
        return last.at().plus(repeatInterval).isBefore(now);
    }
}
