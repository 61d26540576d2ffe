package dev.vigil.events.parse.draft;

import java.time.Instant;
import java.time.ZoneId;

/**
 * An event while its payload is being parsed: the fields found so far, the event's own time once known, and the
 * context parsers need (when the event was received, which zone to assume for times without one).
 */
public final class EventDraft {
    private final Instant receivedAt;
    private final ZoneId zone;
    private final EventFields fields = new EventFields();
    private Instant timestamp;
    private String failure;

    public EventDraft(Instant receivedAt, ZoneId zone) {
        this.receivedAt = receivedAt;
        this.zone = zone;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public ZoneId zone() {
        return zone;
    }

    public EventFields fields() {
        return fields;
    }

    /** Sets the event's own time unless one is known already; null is ignored. */
    public void timestamp(Instant instant) {
        if (timestamp == null && instant != null) {
            timestamp = instant;
        }
    }

    /** The event's own time, or null when the payload did not carry one. */
    public Instant timestamp() {
        return timestamp;
    }

    /** Records that the payload does not meet its declared format; {@code reason} becomes {@code error.message}. */
    public void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    public boolean failed() {
        return failure != null;
    }

    public String failure() {
        return failure;
    }
}
