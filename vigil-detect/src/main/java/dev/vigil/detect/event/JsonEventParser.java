package dev.vigil.detect.event;

/**
 * Parses one JSON object (one line of JSON-lines input) into an {@link Event}. Thread-safe: each thread reads with its
 * own {@link JsonReader}, which keeps the field names it has seen.
 */
public final class JsonEventParser {

    private final ThreadLocal<JsonReader> readers = ThreadLocal.withInitial(JsonReader::new);

    /**
     * @param json       the JSON text of one event
     * @param lineNumber 1-based line number used in the error message
     */
    public JsonEvent parse(String json, long lineNumber) throws EventParseException {
        JsonReader reader = readers.get();
        JsonObject tree;
        try {
            tree = reader.readObject(json);
        } catch (JsonReader.MalformedJson e) {
            String reason = e.getMessage();
            throw new EventParseException(lineNumber,
                    reason.startsWith("expected a JSON object") ? "expected a JSON object" : "invalid JSON: " + reason);
        }
        return EventNormalizer.normalize(tree, reader.lastNonAsciiValues());
    }
}
