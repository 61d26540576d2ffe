package dev.vigil.monitor.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Decides at flush time whether an alert is left out of notifications (silenced or inhibited). */
@FunctionalInterface
public interface MuteCheck {

    /** Nothing is muted. */
    MuteCheck NONE = (alert, firing, now) -> false;

    /**
     * @param alert  the alert about to be notified (firing or resolved)
     * @param firing every alert currently firing in the scheduler (the inhibition sources)
     */
    boolean isMuted(Alert alert, Collection<Alert> firing, Instant now);

    /** Mutes alerts inhibited by the config's rules or matched by one of the active silences the supplier returns. */
    static MuteCheck of(Inhibitor inhibitor, Supplier<? extends Collection<Silence>> silences) {
        return (alert, firing, now) -> {
            for (Silence silence : silences.get()) {
                if (silence.isSilencing(alert.labels(), now)) {
                    return true;
                }
            }
            List<Map<String, String>> sources = firing.stream().map(Alert::labels).toList();
            return inhibitor.isInhibited(alert.labels(), sources);
        };
    }
}
