package dev.vigil.spool;

import dev.vigil.events.RawEvent;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events whose content follows from a label, so a test (or a crashed child process) can recompute them. */
final class TestEvents {

    private static final Instant RECEIVED = Instant.parse("2025-03-01T12:00:00.123456789Z");

    private TestEvents() {
    }

    /** An event whose payload is {@code label#} padded to {@code payloadBytes}; no label may contain '#'. */
    static RawEvent event(String label, int payloadBytes) {
        byte[] text = (label + "#").getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[Math.max(payloadBytes, text.length)];
        System.arraycopy(text, 0, payload, 0, text.length);
        for (int i = text.length; i < payload.length; i++) {
            payload[i] = (byte) ('a' + Math.floorMod(label.hashCode() + i, 26));
        }
        return new RawEvent("input-" + label.length() % 3, "tenant-a", "syslog", RECEIVED.plusNanos(label.hashCode()),
                "10.0.0." + label.length() % 250 + ":514", payload);
    }

    static RawEvent event(String label) {
        return event(label, 100);
    }

    /** {@code count} events labelled {@code prefix-0}, {@code prefix-1}, ... */
    static List<RawEvent> batch(String prefix, int count, int payloadBytes) {
        List<RawEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(prefix + "-" + i, payloadBytes));
        }
        return events;
    }

    /** An event's fields as a value: records compare arrays by identity, this compares the payload's bytes. */
    record Content(String inputId, String tenant, String format, Instant receivedAt, String sourceAddress,
                   ByteBuffer payload) {
    }

    static Content content(RawEvent event) {
        return event == null ? null : new Content(event.inputId(), event.tenant(), event.format(), event.receivedAt(),
                event.sourceAddress(), ByteBuffer.wrap(event.payload()));
    }

    /** The label an event from {@link #event} carries. */
    static String label(RawEvent event) {
        String payload = new String(event.payload(), StandardCharsets.UTF_8);
        int end = payload.indexOf('#');
        return end < 0 ? payload : payload.substring(0, end);
    }
}
