package dev.vigil.events.parse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.vigil.events.Event;
import dev.vigil.events.RawEvent;
import dev.vigil.events.SpooledEvent;

/** Parses test payloads the way the event path does, with a fixed receive time and UTC as the assumed zone. */
final class ParsedEvents {
    static final Instant RECEIVED_AT = Instant.parse("2026-03-30T12:00:00Z");
    static final EventParser PARSER = new EventParser(ZoneOffset.UTC);

    private ParsedEvents() {
    }

    static Event syslog(String payload) {
        return parse("syslog", payload);
    }

    static Event json(String payload) {
        return parse("json", payload);
    }

    static Event line(String payload) {
        return parse("line", payload);
    }

    static Event parse(String format, String payload) {
        return parse(format, payload.getBytes(StandardCharsets.UTF_8), RECEIVED_AT);
    }

    static Event parse(String format, byte[] payload, Instant receivedAt) {
        return PARSER.parse(spooled(format, payload, receivedAt));
    }

    static SpooledEvent spooled(String format, byte[] payload, Instant receivedAt) {
        return new SpooledEvent("ev-1", 1, new RawEvent("input-1", "tenant-a", format, receivedAt, "10.0.0.5:51514",
                payload));
    }
}
