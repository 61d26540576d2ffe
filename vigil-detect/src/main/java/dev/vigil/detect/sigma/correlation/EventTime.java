package dev.vigil.detect.sigma.correlation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;

/**
 * Reads an event's time: ISO-8601 instants ({@code 2025-10-25T13:44:33.44Z}), local date-times taken as UTC
 * ({@code 2025-10-25 13:44:33.433}) or epoch milliseconds.
 */
public final class EventTime {

    /** Fields tried when no time field is configured: Windows, Sysmon, ECS and common JSON spellings. */
    public static final List<String> DEFAULT_FIELDS = List.of("TimeCreated_SystemTime", "UtcTime", "@timestamp",
            "timestamp", "time");

    private EventTime() {
    }

    /** The time in the first of {@code fields} that holds one, or null. */
    public static Instant of(Event event, List<String> fields) {
        for (String field : fields) {
            Instant time = parse(event.field(field));
            if (time != null) {
                return time;
            }
        }
        return null;
    }

    static Instant parse(FieldValue value) {
        if (value == null || value.raw() == null || value.isList()) {
            return null;
        }
        if (value.raw() instanceof Number number) {
            return Instant.ofEpochMilli(number.longValue());
        }
        String text = value.text().strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }
}
