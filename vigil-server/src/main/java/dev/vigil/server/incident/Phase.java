package dev.vigil.server.incident;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The lifecycle of an incident, in order. Forward moves go one phase at a time; from containment on, a case may go
 * back to investigating (new findings, a failed retest, a reopened case).
 */
public enum Phase {
    NEW, TRIAGE, INVESTIGATING, CONTAINED, ERADICATED, RECOVERED, RETESTED, CLOSED, REVIEWED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Phase parse(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown phase '" + code + "'; phases: "
                        + String.join(", ", Arrays.stream(values()).map(Phase::code).toList())));
    }

    /** The phases this one may move to. */
    public List<Phase> next() {
        Phase forward = ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
        boolean mayReturn = compareTo(CONTAINED) >= 0 && this != REVIEWED;
        if (forward == null) {
            return List.of();
        }
        return mayReturn ? List.of(forward, INVESTIGATING) : List.of(forward);
    }

    /** Open: still being worked (closed and reviewed cases take no new alerts). */
    public boolean isOpen() {
        return compareTo(CLOSED) < 0;
    }
}
