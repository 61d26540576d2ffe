package dev.vigil.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as a sender handed it over, before parsing: what the spool stores and replays.
 *
 * @param inputId       the configured input it arrived on
 * @param tenant        the tenant the input belongs to
 * @param format        how to parse the payload: one of {@link EventFormat}'s names
 * @param receivedAt    when Vigil accepted it
 * @param sourceAddress the sender's address ("10.0.0.5:51514"), or "" when unknown
 * @param payload       the bytes as received (one syslog message, one JSON document, one log line)
 */
public record RawEvent(String inputId, String tenant, String format, Instant receivedAt, String sourceAddress,
                       byte[] payload) {
    public RawEvent {
        Objects.requireNonNull(inputId, "inputId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(payload, "payload");
    }
}
