package dev.vigil.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed and normalized event, as the store keeps it and detection sees it.
 *
 * <p>{@code fields} is flat: dotted names ("source.ip", "user.name", "EventID") to values that are a String, Long,
 * Double, Boolean or a List of those. It holds the common-schema (ECS) fields and the original fields under their own
 * names side by side, in the order the parser produced them; values are never null. The original text is kept in {@code original}.
 *
 * @param id         stable id (see {@link SpooledEvent})
 * @param timestamp  when it happened (the event's own time where it has one, else when it was received)
 * @param receivedAt when Vigil accepted it
 * @param tenant     owning tenant
 * @param inputId    input it arrived on
 * @param fields     normalized and original fields
 * @param original   the payload as text
 * @param tags       markers such as {@code parse-error}
 */
public record Event(String id, Instant timestamp, Instant receivedAt, String tenant, String inputId,
                    Map<String, Object> fields, String original, List<String> tags) {
    public static final String TAG_PARSE_ERROR = "parse-error";

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(inputId, "inputId");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Objects.requireNonNull(original, "original");
        tags = List.copyOf(tags);
    }

    public Object field(String name) {
        return fields.get(name);
    }
}
