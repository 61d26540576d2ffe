package dev.vigil.events.parse.draft;

import java.util.List;

/**
 * How an event is classified in the common schema: {@code event.action}, {@code event.category} and
 * {@code event.type} (lists of ECS allowed values).
 */
public record EventClass(String action, List<String> categories, List<String> types) {
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public EventClass {
        categories = List.copyOf(categories);
        types = List.copyOf(types);
    }

    public static EventClass of(String action, String category, String type) {
        return new EventClass(action, List.of(category), List.of(type));
    }

    public void writeTo(EventFields fields) {
        fields.put("event.action", action);
        fields.put("event.category", categories);
        fields.put("event.type", types);
    }

    /** Writes the classification with {@code event.outcome} ({@link #SUCCESS} or {@link #FAILURE}). */
    public void writeTo(EventFields fields, String outcome) {
        writeTo(fields);
        fields.put("event.outcome", outcome);
    }
}
