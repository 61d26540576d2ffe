package dev.vigil.intel.feed;

import dev.vigil.intel.attack.TechniqueIds;
import dev.vigil.intel.indicator.Indicator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Reads a ThreatFox API response ({@code {"query_status": "ok", "data": [{"ioc": ..., "ioc_type": ...}]}}). */
public final class ThreatFoxJsonReader {

    private final JsonMapper mapper = JsonMapper.builder().build();

    public List<FeedProblem> read(Path file, Consumer<Indicator> sink) throws FeedFormatException {
        return readWithTechniques(file, (indicator, techniques) -> sink.accept(indicator));
    }

    /** Reads the response handing each indicator with the ATT&CK techniques its {@code tags} name (e.g. {@code T1059}). */
    public List<FeedProblem> readWithTechniques(Path file, BiConsumer<Indicator, List<String>> sink) throws FeedFormatException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = mapper.readTree(in);
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new FeedFormatException(file, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FeedFormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        String status = root != null && root.get("query_status") != null ? root.get("query_status").asString() : null;
        if (!"ok".equals(status) || !root.path("data").isArray()) {
            throw new FeedFormatException(file, 1, "not a successful ThreatFox response (query_status "
                    + (status == null ? "missing" : "'" + status + "'") + ", data must be an array)");
        }
        List<FeedProblem> problems = new ArrayList<>();
        JsonNode data = root.get("data");
        for (int i = 0; i < data.size(); i++) {
            JsonNode entry = data.get(i);
            try {
                JsonNode confidence = entry.get("confidence_level");
                List<String> tags = new ArrayList<>();
                entry.path("tags").forEach(tag -> tags.add(tag.asString("")));
                sink.accept(ThreatFoxIoc.indicator(text(entry, "id"), text(entry, "ioc_type"), required(entry, "ioc"),
                        confidence != null && confidence.isInt() ? confidence.intValue() : Indicator.UNKNOWN_CONFIDENCE,
                        time(entry, "first_seen"), time(entry, "last_seen"), file.getFileName().toString()),
                        TechniqueIds.inTags(tags));
            } catch (IllegalArgumentException e) {
                problems.add(new FeedProblem(file, 0, "data[" + i + "]: " + e.getMessage()));
            }
        }
        return problems;
    }

    private static String required(JsonNode entry, String field) {
        String value = text(entry, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return value;
    }

    private static Instant time(JsonNode entry, String field) {
        String value = text(entry, field);
        return value.isEmpty() ? null : FeedTimestamps.parse(value);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? "" : value.asString().strip();
    }
}
