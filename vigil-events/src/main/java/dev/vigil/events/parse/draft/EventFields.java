package dev.vigil.events.parse.draft;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.events.parse.text.IpLiterals;
import dev.vigil.events.parse.text.NumberText;

/**
 * The flat field map of an event being parsed: dotted names to String, Long, Double, Boolean or List values.
 *
 * <p>The first value put under a name stays: whatever a parser established first (an original field of a JSON
 * document, the program-specific reading of a syslog message) is not overwritten by a later, more general default.
 * Null and empty strings are not stored by the typed setters. The map is bounded: original fields stop at
 * {@link #MAX_ORIGINAL_FIELDS} so the normalized fields always find room below {@link #MAX_FIELDS}; anything beyond is
 * dropped and {@link #truncated()} reports it.
 */
public final class EventFields {
    public static final int MAX_FIELDS = 1_000;
    public static final int MAX_ORIGINAL_FIELDS = 900;

    /** Sized for a typical event, so that the map rarely grows. */
    private static final int INITIAL_CAPACITY = 64;

    private final Map<String, Object> values = new LinkedHashMap<>(INITIAL_CAPACITY);
    private boolean truncated;

    public void put(String name, String value) {
        if (value != null && !value.isEmpty()) {
            store(name, value, MAX_FIELDS);
        }
    }

    public void put(String name, long value) {
        store(name, value, MAX_FIELDS);
    }

    /** Stores an immutable, non-empty list of strings (categories, types, arguments). */
    public void put(String name, List<String> value) {
        if (value != null && !value.isEmpty()) {
            store(name, List.copyOf(value), MAX_FIELDS);
        }
    }

    /** Stores {@code value} only when it is an IPv4 or IPv6 literal. */
    public void putIp(String name, String value) {
        if (IpLiterals.isIp(value)) {
            store(name, value, MAX_FIELDS);
        }
    }

    /** Stores a decimal integer read from {@code text} as a Long; anything else is ignored. */
    public void putLong(String name, String text) {
        Long value = NumberText.parseLong(text);
        if (value != null) {
            store(name, value, MAX_FIELDS);
        }
    }

    /**
     * Stores a field under the name the source gave it. {@code value} must already obey the value-type rule (String,
     * Long, Double, Boolean or an immutable List of those); empty strings are kept because "present and empty" is a
     * distinct case for detection rules.
     */
    public void putOriginal(String name, Object value) {
        if (value != null) {
            store(name, value, MAX_ORIGINAL_FIELDS);
        }
    }

    public Object get(String name) {
        return values.get(name);
    }

    /** A scalar value as text (a Long 4624 as "4624"); null when absent or a list. */
    public String text(String name) {
        return scalarText(values.get(name));
    }

    /** A field value as text when it is a scalar; null for null and lists. */
    public static String scalarText(Object value) {
        if (value instanceof String text) {
            return text;
        }
        return value == null || value instanceof List<?> ? null : value.toString();
    }

    public boolean truncated() {
        return truncated;
    }

    /** Marks the event as having lost fields to a bound applied elsewhere (nesting depth, list length). */
    public void markTruncated() {
        truncated = true;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    private void store(String name, Object value, int limit) {
        if (values.size() >= limit && !values.containsKey(name)) {
            truncated = true;
            return;
        }
        values.putIfAbsent(name, value);
    }
}
