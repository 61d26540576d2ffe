package dev.vigil.intel.cli;

import dev.vigil.intel.feed.FeedProblem;
import dev.vigil.intel.feed.FeedTimestamps;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads events stored one JSON object per line. Blank lines are not events. A line that is not a JSON object is reported
 * (file:line) and still counts as an event position, so indexes keep lining up with the file's events. String fields
 * and arrays of strings are kept (numbers as their decimal text); the event time comes from {@code timestamp},
 * {@code @timestamp}, {@code time}, {@code ts} or {@code event_time} (an unreadable time is reported and left null).
 */
final class EventLinesReader {

    private static final List<String> TIME_FIELDS = List.of("timestamp", "@timestamp", "time", "ts", "event_time");

    private final JsonMapper mapper = JsonMapper.builder().build();

    List<FeedProblem> read(Path file, BufferedReader reader, Consumer<EventLine> sink) throws IOException {
        List<FeedProblem> problems = new ArrayList<>();
        long index = 0;
        long lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            long eventIndex = index++;
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (JacksonException e) {
                problems.add(new FeedProblem(file, lineNumber, "not valid JSON: " + e.getOriginalMessage()));
                continue;
            }
            if (node == null || !node.isObject()) {
                problems.add(new FeedProblem(file, lineNumber, "not a JSON object"));
                continue;
            }
            Instant timestamp = null;
            try {
                timestamp = timestamp(node);
            } catch (IllegalArgumentException e) {
                // Still matched (against the default time): dropping the event would hide its hits.
                problems.add(new FeedProblem(file, lineNumber, e.getMessage() + "; matched at the default time instead"));
            }
            sink.accept(new EventLine(eventIndex, lineNumber, fields(node), timestamp));
        }
        return problems;
    }

    private static Map<String, Object> fields(JsonNode node) {
        Map<String, Object> fields = new HashMap<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            JsonNode value = property.getValue();
            if (value.isString()) {
                fields.put(property.getKey(), value.stringValue());
            } else if (value.isIntegralNumber()) {
                fields.put(property.getKey(), value.asString());
            } else if (value.isArray()) {
                List<String> strings = new ArrayList<>();
                for (JsonNode element : value) {
                    if (element.isString()) {
                        strings.add(element.stringValue());
                    }
                }
                fields.put(property.getKey(), strings);
            }
        }
        return fields;
    }

    private static Instant timestamp(JsonNode node) {
        for (String name : TIME_FIELDS) {
            JsonNode value = node.get(name);
            if (value != null && value.isString() && !value.stringValue().isBlank()) {
                return FeedTimestamps.parse(value.stringValue());
            }
        }
        return null;
    }
}
