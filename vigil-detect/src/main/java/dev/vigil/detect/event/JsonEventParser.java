package dev.vigil.detect.event;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Parses one JSON object (one line of JSON-lines input) into an {@link Event}. Thread-safe. */
public final class JsonEventParser {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper mapper = JsonMapper.builder().build();

    /**
     * @param json       the JSON text of one event
     * @param lineNumber 1-based line number used in the error message
     */
    public JsonEvent parse(String json, long lineNumber) throws EventParseException {
        String trimmed = json.strip();
        if (trimmed.isEmpty() || trimmed.charAt(0) != '{') {
            throw new EventParseException(lineNumber, "expected a JSON object");
        }
        Map<String, Object> tree;
        try {
            tree = mapper.readValue(trimmed, OBJECT);
        } catch (JacksonException e) {
            throw new EventParseException(lineNumber, "invalid JSON: " + e.getOriginalMessage());
        }
        return EventNormalizer.normalize(tree);
    }
}
