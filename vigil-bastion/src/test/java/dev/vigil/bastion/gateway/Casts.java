package dev.vigil.bastion.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads an asciicast v2 recording back, checking its structure. */
final class Casts {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Cast(JsonNode header, List<JsonNode> events) {
        String output() {
            StringBuilder out = new StringBuilder();
            events.stream().filter(e -> e.get(1).asString().equals("o")).forEach(e -> out.append(e.get(2).asString()));
            return out.toString();
        }

        List<String> of(String code) {
            return events.stream().filter(e -> e.get(1).asString().equals(code)).map(e -> e.get(2).asString()).toList();
        }
    }

    private Casts() {
    }

    static Cast read(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            JsonNode header = JSON.readTree(lines[0]);
            List<JsonNode> events = new ArrayList<>();
            double previous = 0;
            for (int i = 1; i < lines.length; i++) {
                JsonNode event = JSON.readTree(lines[i]);
                if (!event.isArray() || event.size() != 3 || event.get(0).asDouble() < previous) {
                    throw new IllegalStateException("bad asciicast event line " + i + ": " + lines[i]);
                }
                previous = event.get(0).asDouble();
                events.add(event);
            }
            return new Cast(header, events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
