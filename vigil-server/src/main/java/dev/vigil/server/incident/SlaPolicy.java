package dev.vigil.server.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.stereotype.Component;

/**
 * The SLA timers of a level ({@code vigil.incident.sla-*}): acknowledge (until triage), contain and resolve (until
 * closure), each running from the moment the incident was declared.
 */
@Component
public class SlaPolicy {

    public static final List<String> TIMERS = List.of("acknowledge", "contain", "resolve");

    private final VigilProperties.Incident settings;

    SlaPolicy(VigilProperties properties) {
        this.settings = properties.incident();
    }

    public Duration limit(String timer, int level) {
        List<Duration> limits = switch (timer) {
            case "acknowledge" -> settings.slaAcknowledge();
            case "contain" -> settings.slaContain();
            case "resolve" -> settings.slaResolve();
            default -> throw new IllegalArgumentException("unknown SLA timer " + timer);
        };
        return limits.get(level - 1);
    }

    /** The three timers of an incident declared at that time, met at triage, containment and closure. */
    public List<SlaTimer> timers(int level, Instant declaredAt, Instant triagedAt, Instant containedAt, Instant closedAt, Instant now) {
        return List.of(timer("acknowledge", level, declaredAt, triagedAt, now), timer("contain", level, declaredAt, containedAt, now),
                timer("resolve", level, declaredAt, closedAt, now));
    }

    /** The state of one timer: met (in time or late), breached (still running past its due time) or running. */
    public SlaTimer timer(String timer, int level, Instant declaredAt, Instant metAt, Instant now) {
        Instant due = declaredAt.plus(limit(timer, level));
        String state;
        if (metAt != null) {
            state = metAt.isAfter(due) ? "met-late" : "met";
        } else {
            state = now.isAfter(due) ? "breached" : "running";
        }
        return new SlaTimer(timer, limit(timer, level).toString(), due, metAt, state);
    }
}
