package dev.vigil.intel.stix.bundle;

import dev.vigil.intel.feed.FeedFormatException;
import dev.vigil.intel.feed.FeedProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Extracts the {@code indicator} objects of a STIX 2.1 bundle ({@code {"type": "bundle", "objects": [...]}}) and the
 * ATT&CK techniques related to them ({@link StixTechniqueLinks}). Other object types are skipped. An indicator lacking {@code id}, {@code pattern} or a readable {@code valid_from} is
 * reported as a problem naming its position in {@code objects}; a file that is not a bundle is rejected.
 */
public final class StixBundleReader {

    /** Indicators read from one bundle, the objects that had to be skipped, and the techniques related to indicators. */
    public record Result(List<StixIndicator> indicators, List<FeedProblem> problems, StixTechniqueLinks techniques) {
    }

    private final JsonMapper mapper = JsonMapper.builder().build();

    public Result read(Path file) throws FeedFormatException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = mapper.readTree(in);
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new FeedFormatException(file, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FeedFormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !"bundle".equals(text(root, "type"))) {
            String type = root != null && root.isObject() ? text(root, "type") : null;
            throw new FeedFormatException(file, 1, "not a STIX bundle (top-level "
                    + (type == null ? "value has no type" : "type is '" + type + "'") + ")");
        }
        JsonNode objects = root.get("objects");
        List<StixIndicator> indicators = new ArrayList<>();
        List<FeedProblem> problems = new ArrayList<>();
        StixTechniqueLinks techniques = new StixTechniqueLinks();
        if (objects == null || !objects.isArray()) {
            return new Result(indicators, problems, techniques);
        }
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            techniques.accept(object);
            if (!"indicator".equals(text(object, "type"))) {
                continue;
            }
            try {
                indicators.add(indicator(object));
            } catch (IllegalArgumentException e) {
                problems.add(new FeedProblem(file, 0, "objects[" + i + "]: " + e.getMessage()));
            }
        }
        return new Result(indicators, problems, techniques);
    }

    /**
     * Reads one STIX object as an indicator (for objects that arrive outside a bundle, such as TAXII envelopes);
     * empty when it is another type of object.
     *
     * @throws IllegalArgumentException when it is an indicator lacking a required property
     */
    public static Optional<StixIndicator> indicatorOf(JsonNode object) {
        return "indicator".equals(text(object, "type")) ? Optional.of(indicator(object)) : Optional.empty();
    }

    private static StixIndicator indicator(JsonNode object) {
        String id = required(object, "id");
        String pattern = required(object, "pattern");
        Instant validFrom = instant(object, "valid_from", id);
        if (validFrom == null) {
            throw new IllegalArgumentException(id + ": indicator lacks valid_from");
        }
        JsonNode confidence = object.get("confidence");
        int confidenceValue = confidence != null && confidence.isInt() && confidence.intValue() >= 0
                && confidence.intValue() <= 100 ? confidence.intValue() : -1;
        List<KillChainPhase> phases = new ArrayList<>();
        JsonNode killChain = object.get("kill_chain_phases");
        if (killChain != null && killChain.isArray()) {
            for (JsonNode phase : killChain) {
                phases.add(new KillChainPhase(text(phase, "kill_chain_name"), text(phase, "phase_name")));
            }
        }
        String patternType = text(object, "pattern_type");
        return new StixIndicator(id, text(object, "name"), pattern, patternType == null ? "stix" : patternType,
                validFrom, instant(object, "valid_until", id), confidenceValue, strings(object, "labels"),
                strings(object, "indicator_types"), phases,
                object.get("revoked") != null && object.get("revoked").asBoolean());
    }

    private static String required(JsonNode object, String field) {
        String value = text(object, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("indicator lacks " + field);
        }
        return value;
    }

    private static Instant instant(JsonNode object, String field, String id) {
        String value = text(object, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(id + ": " + field + " is not an RFC 3339 timestamp: '" + value + "'");
        }
    }

    private static List<String> strings(JsonNode object, String field) {
        List<String> values = new ArrayList<>();
        JsonNode array = object.get(field);
        if (array != null && array.isArray()) {
            for (JsonNode value : array) {
                if (value.isString()) {
                    values.add(value.stringValue());
                }
            }
        }
        return values;
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object == null ? null : object.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
