package dev.vigil.intel.match;

import dev.vigil.intel.feed.FeedProblem;
import dev.vigil.intel.feed.IocCsvReader;
import dev.vigil.testkit.Corpus;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The labelled set in corpus/ioc-feeds/matching: every event must get exactly its expected matches. */
class IocMatchingConformanceTest {

    @Test
    void reproducesEveryExpectedMatchOfTheLabelledSet() throws Exception {
        Path folder = Corpus.require("ioc-feeds").resolve("matching");
        IndicatorIndex.Builder builder = IndicatorIndex.builder();
        List<FeedProblem> problems = new IocCsvReader().read(folder.resolve("iocs.csv"), builder::add);
        assertThat(problems).isEmpty();
        IndicatorIndex index = builder.build();
        assertThat(index.size()).isEqualTo(6000);

        EventMatcher matcher = new EventMatcher(new LiveIndicatorIndex(index), EventFieldMapping.defaults());
        JsonMapper mapper = JsonMapper.builder().build();
        List<String> mismatches = new ArrayList<>();
        int events = 0;
        int eventsWithMatches = 0;
        int matchCount = 0;
        for (String line : Files.readAllLines(folder.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode event = mapper.readTree(line);
            Map<String, Object> fields = new HashMap<>();
            event.properties().forEach(field -> {
                if (field.getValue().isString()) {
                    fields.put(field.getKey(), field.getValue().stringValue());
                }
            });
            List<String> expected = new ArrayList<>();
            for (JsonNode match : event.get("expected_matches")) {
                expected.add(match.get("ioc").stringValue() + "/" + match.get("kind").stringValue());
            }
            List<String> actual = matcher.match(fields, Instant.now()).stream()
                    .map(match -> match.indicator().id() + "/" + match.kind().label()).toList();
            if (!actual.equals(expected.stream().sorted().toList())) {
                mismatches.add(event.get("id").stringValue() + ": expected " + expected + " got " + actual);
            }
            events++;
            eventsWithMatches += actual.isEmpty() ? 0 : 1;
            matchCount += actual.size();
        }
        assertThat(mismatches).isEmpty();
        assertThat(events).isEqualTo(12_000);
        assertThat(eventsWithMatches).isEqualTo(4_594);
        assertThat(matchCount).isEqualTo(5_189);
    }
}
