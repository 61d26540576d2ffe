package dev.vigil.intel.feed;

import dev.vigil.intel.attack.TechniqueIds;
import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads a MISP feed directory: {@code manifest.json} lists the event UUIDs, each {@code <uuid>.json} holds
 * {@code {"Event": {..., "Attribute": [...]}}}. Attributes flagged {@code to_ids} and not deleted become indicators
 * (id = attribute UUID, source = event info); composite types such as {@code filename|sha256} or
 * {@code ip-dst|port} contribute their indicator half. Attribute types with no indicator table are reported.
 */
public final class MispFeedReader {

    private static final Map<String, IndicatorType> TYPES = Map.ofEntries(
            Map.entry("ip-dst", IndicatorType.IPV4), Map.entry("ip-src", IndicatorType.IPV4),
            Map.entry("domain", IndicatorType.DOMAIN), Map.entry("hostname", IndicatorType.DOMAIN),
            Map.entry("url", IndicatorType.URL), Map.entry("uri", IndicatorType.URL),
            Map.entry("md5", IndicatorType.MD5), Map.entry("sha1", IndicatorType.SHA1),
            Map.entry("sha256", IndicatorType.SHA256), Map.entry("email", IndicatorType.EMAIL),
            Map.entry("email-src", IndicatorType.EMAIL), Map.entry("email-dst", IndicatorType.EMAIL));

    private final JsonMapper mapper = JsonMapper.builder().build();

    public List<FeedProblem> read(Path directory, Consumer<Indicator> sink) throws FeedFormatException {
        return readWithTechniques(directory, (indicator, techniques) -> sink.accept(indicator));
    }

    /**
     * Reads the feed handing each indicator with the ATT&CK techniques its event and attribute name: MITRE galaxy
     * tags ({@code misp-galaxy:mitre-attack-pattern="... - T1059"}) and galaxy clusters with a technique external id.
     */
    public List<FeedProblem> readWithTechniques(Path directory, BiConsumer<Indicator, List<String>> sink) throws FeedFormatException {
        Path manifestFile = directory.resolve("manifest.json");
        JsonNode manifest = json(manifestFile);
        if (manifest == null || !manifest.isObject()) {
            throw new FeedFormatException(manifestFile, 1, "manifest must be an object of event UUID to summary");
        }
        List<FeedProblem> problems = new ArrayList<>();
        for (String uuid : manifest.propertyNames()) {
            if (!uuid.matches("[0-9a-fA-F-]{36}")) {
                problems.add(new FeedProblem(manifestFile, 0, "'" + uuid + "' is not an event UUID"));
                continue;
            }
            Path eventFile = directory.resolve(uuid + ".json");
            JsonNode event = json(eventFile).path("Event");
            if (!event.isObject()) {
                problems.add(new FeedProblem(eventFile, 0, "no \"Event\" object"));
                continue;
            }
            String info = event.path("info").asString(uuid);
            List<String> eventTechniques = techniques(event);
            JsonNode attributes = event.path("Attribute");
            for (int i = 0; i < attributes.size(); i++) {
                JsonNode attribute = attributes.get(i);
                if (!attribute.path("to_ids").asBoolean(false) || attribute.path("deleted").asBoolean(false)) {
                    continue;
                }
                try {
                    Set<String> techniques = new LinkedHashSet<>(eventTechniques);
                    techniques.addAll(techniques(attribute));
                    sink.accept(indicator(attribute, info), List.copyOf(techniques));
                } catch (IllegalArgumentException e) {
                    problems.add(new FeedProblem(eventFile, 0, "Attribute[" + i + "]: " + e.getMessage()));
                }
            }
        }
        return problems;
    }

    /** The techniques an event or attribute names by its tags and its galaxy clusters. */
    private static List<String> techniques(JsonNode node) {
        List<String> texts = new ArrayList<>();
        for (JsonNode tag : node.path("Tag")) {
            texts.add(tag.path("name").asString(""));
        }
        for (JsonNode galaxy : node.path("Galaxy")) {
            for (JsonNode cluster : galaxy.path("GalaxyCluster")) {
                String clusterType = cluster.path("type").asString(galaxy.path("type").asString(""));
                if (clusterType.contains("mitre") || clusterType.contains("attack-pattern")) {
                    texts.add("mitre-attack " + cluster.path("value").asString("") + " " + cluster.path("meta").path("external_id"));
                }
            }
        }
        return TechniqueIds.inTags(texts);
    }

    private static Indicator indicator(JsonNode attribute, String source) {
        String type = attribute.path("type").asString("");
        String value = attribute.path("value").asString("");
        int bar = type.indexOf('|');
        if (bar > 0) {
            // Composite attribute: keep the half that is an indicator (filename|md5 -> md5, ip-dst|port -> ip-dst).
            String[] types = type.split("\\|", 2);
            String[] values = value.split("\\|", 2);
            if (values.length != 2) {
                throw new IllegalArgumentException("composite " + type + " value lacks '|': '" + value + "'");
            }
            boolean first = TYPES.containsKey(types[0]);
            type = first ? types[0] : types[1];
            value = first ? values[0] : values[1];
        }
        IndicatorType indicatorType = TYPES.get(type);
        if (indicatorType == null) {
            throw new IllegalArgumentException("attribute type '" + type + "' is not indexed");
        }
        if (indicatorType == IndicatorType.IPV4 && value.indexOf(':') >= 0) {
            indicatorType = IndicatorType.IPV6;
        }
        String uuid = attribute.path("uuid").asString("");
        if (uuid.isEmpty() || value.isEmpty()) {
            throw new IllegalArgumentException("attribute needs a uuid and a value");
        }
        String timestamp = attribute.path("timestamp").asString("");
        Instant seen = timestamp.isEmpty() ? null : FeedTimestamps.parse(timestamp);
        return new Indicator(uuid, indicatorType, value, source, Indicator.UNKNOWN_CONFIDENCE, seen, seen, null);
    }

    private JsonNode json(Path file) throws FeedFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return mapper.readTree(in);
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new FeedFormatException(file, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new FeedFormatException(file, 0, "no such file");
        } catch (IOException e) {
            throw new FeedFormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
