package dev.vigil.events.parse.json;

import java.time.Instant;
import java.time.ZoneId;

import dev.vigil.events.parse.text.NumberText;
import dev.vigil.events.parse.time.EpochTimestamps;
import dev.vigil.events.parse.time.IsoTimestamps;

/** Reads a time from a JSON value: ISO-8601 / RFC 3339 text, or epoch seconds or milliseconds as number or text. */
public final class JsonTimestamps {
    private JsonTimestamps() {
    }

    public static Instant of(Object value, ZoneId zone) {
        if (value instanceof String text) {
            Long number = NumberText.parseLong(text);
            return number != null ? EpochTimestamps.fromLong(number) : IsoTimestamps.parse(text, zone);
        }
        return EpochTimestamps.fromNumber(value);
    }

    /** The document's time by the usual field names: {@code @timestamp}, else {@code timestamp}, else {@code time}. */
    public static Instant usual(FlatJson document, ZoneId zone) {
        return firstOf(document, zone, FlatJson.TIMESTAMP_FIELD, "timestamp", "time");
    }

    /** The first of {@code names} present in the document that reads as a time; null when none does. */
    public static Instant firstOf(FlatJson document, ZoneId zone, String... names) {
        for (String name : names) {
            Object value = document.get(name);
            if (value != null) {
                Instant instant = of(value, zone);
                if (instant != null) {
                    return instant;
                }
            }
        }
        return null;
    }
}
