package dev.vigil.server.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.vigil.monitor.routing.Silence;

/** The silences active at one instant, loaded once and asked about many alerts. */
public final class ActiveSilences {

    record Entry(SilenceView view, Silence silence) {
    }

    private final List<Entry> silences;
    private final Instant at;

    ActiveSilences(List<Entry> silences, Instant at) {
        this.silences = List.copyOf(silences);
        this.at = at;
    }

    /** The first of them that covers the alert, if any. */
    public Optional<SilenceView> covering(AlertView alert) {
        Map<String, String> labels = AlertLabels.of(alert);
        return silences.stream().filter(e -> e.silence().isSilencing(labels, at)).map(Entry::view).findFirst();
    }

    /** Why a silence holds an alert's notifications back, as the notification log says it. */
    public static String reason(SilenceView silence) {
        return "silenced by " + silence.id() + " (" + silence.createdBy() + ": " + silence.comment() + ")";
    }
}
