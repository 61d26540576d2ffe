package dev.vigil.events.parse.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.events.parse.draft.EventFields;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flattens one JSON object while streaming over it: nested objects become dotted names, arrays of scalars become
 * lists, and the scalars inside arrays of objects are gathered into lists under {@code <key>.<subkey>}. Work is
 * bounded: containers deeper than {@link #MAX_DEPTH} are skipped, and the number of fields and of list elements is
 * capped; what is dropped is reported as truncation. Safe for concurrent use.
 */
public final class JsonFlattener {
    static final int MAX_DEPTH = 64;
    static final int MAX_VALUES = 10_000;
    /** Beyond this Jackson itself refuses the document: nothing legitimate nests that deep. */
    private static final int MAX_PARSER_DEPTH = 1_000;
    private static final int MAX_ERROR_LENGTH = 160;

    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_PARSER_DEPTH).build())
            .build()).build();

    public FlatJson flatten(String text) {
        Collector collector = new Collector();
        String error = null;
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                error = first == null ? "empty JSON document" : "JSON document is not an object";
            } else {
                collector.readObject(parser, "", 1, false);
                if (parser.nextToken() != null) {
                    error = "unexpected content after the JSON object";
                }
            }
        } catch (JacksonException e) {
            error = "invalid JSON: " + shorten(e.getOriginalMessage());
        }
        return new FlatJson(collector.finish(), collector.truncated, error);
    }

    private static String shorten(String message) {
        String text = message == null ? "unreadable" : message;
        int newline = text.indexOf('\n');
        text = newline > 0 ? text.substring(0, newline) : text;
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) + "..." : text;
    }

    /** The state of one flattening: the fields so far and what was dropped. */
    private static final class Collector {
        private final Map<String, Object> values = new LinkedHashMap<>(64);
        private int scalars;
        private boolean truncated;

        void readObject(JsonParser parser, String path, int depth, boolean inArray) {
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                readValue(parser, parser.nextToken(), path.isEmpty() ? name : path + "." + name, depth, inArray);
            }
        }

        private void readValue(JsonParser parser, JsonToken token, String path, int depth, boolean inArray) {
            switch (token) {
                case START_OBJECT -> {
                    if (tooDeep(parser, depth)) {
                        return;
                    }
                    readObject(parser, path, depth + 1, inArray);
                }
                case START_ARRAY -> {
                    if (tooDeep(parser, depth)) {
                        return;
                    }
                    JsonToken element;
                    while ((element = parser.nextToken()) != JsonToken.END_ARRAY && element != null) {
                        readValue(parser, element, path, depth + 1, true);
                    }
                }
                case VALUE_STRING -> add(path, parser.getString(), inArray);
                case VALUE_NUMBER_INT -> add(path, integer(parser), inArray);
                case VALUE_NUMBER_FLOAT -> add(path, decimal(parser), inArray);
                case VALUE_TRUE -> add(path, Boolean.TRUE, inArray);
                case VALUE_FALSE -> add(path, Boolean.FALSE, inArray);
                default -> {
                    // null and embedded objects carry no field value
                }
            }
        }

        private boolean tooDeep(JsonParser parser, int depth) {
            if (depth < MAX_DEPTH) {
                return false;
            }
            parser.skipChildren();
            truncated = true;
            return true;
        }

        private static Object integer(JsonParser parser) {
            JsonParser.NumberType type = parser.getNumberType();
            return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG
                    ? (Object) parser.getLongValue()
                    : parser.getString();
        }

        private static Object decimal(JsonParser parser) {
            double value = parser.getDoubleValue();
            return Double.isFinite(value) ? (Object) value : parser.getString();
        }

        @SuppressWarnings("unchecked")
        private void add(String path, Object value, boolean inArray) {
            Object existing = values.get(path);
            if (++scalars > MAX_VALUES || existing == null && values.size() >= EventFields.MAX_ORIGINAL_FIELDS) {
                truncated = true;
                return;
            }
            if (!inArray) {
                // a name repeated outside arrays: the last value wins, as in most JSON readers
                values.put(path, value);
            } else if (existing instanceof ArrayList<?> list) {
                ((List<Object>) list).add(value);
            } else {
                List<Object> list = new ArrayList<>();
                if (existing != null) {
                    // the same name also held a value outside any array
                    list.add(existing);
                }
                list.add(value);
                values.put(path, list);
            }
        }

        /** The fields with the lists made immutable. */
        Map<String, Object> finish() {
            for (Map.Entry<String, Object> field : values.entrySet()) {
                if (field.getValue() instanceof ArrayList<?> list) {
                    field.setValue(List.copyOf(list));
                }
            }
            return values;
        }
    }
}
