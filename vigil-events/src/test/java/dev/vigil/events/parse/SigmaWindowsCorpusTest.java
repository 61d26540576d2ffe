package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;
import dev.vigil.testkit.Corpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Windows events of ../shared/corpus/sigma: each evtx_dump event, and its flattened twin, parses without error
 * and carries every field of the twin under the same Sigma name with the same value.
 */
class SigmaWindowsCorpusTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    @Test
    void evtxDumpEventsKeepEveryFieldUnderItsSigmaName() throws IOException {
        int checked = 0;
        for (Path caseFolder : caseFolders()) {
            List<String> events = lines(caseFolder.resolve("events.jsonl"));
            List<String> flat = lines(caseFolder.resolve("events.flat.jsonl"));
            assertThat(events).hasSameSizeAs(flat);
            for (int i = 0; i < events.size(); i++) {
                Event event = ParsedEvents.json(events.get(i));
                assertSameFields(event, MAPPER.readTree(flat.get(i)), caseFolder + " line " + i);
                assertThat(event.field("event.code")).isEqualTo(MAPPER.readTree(flat.get(i)).get("EventID").asString());
                assertThat(event.timestamp()).isNotEqualTo(ParsedEvents.RECEIVED_AT);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(165);
    }

    @Test
    void flattenedEventsParseAsWindowsEventsToo() throws IOException {
        int checked = 0;
        for (Path caseFolder : caseFolders()) {
            for (String line : lines(caseFolder.resolve("events.flat.jsonl"))) {
                Event event = ParsedEvents.json(line);
                assertSameFields(event, MAPPER.readTree(line), caseFolder.toString());
                assertThat(event.field("event.dataset")).asString().startsWith("windows.");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(165);
    }

    @Test
    void sysmonProcessCreationGetsProcessFields() throws IOException {
        List<Event> processStarts = caseFolders().stream()
                .flatMap(folder -> lines(folder.resolve("events.jsonl")).stream())
                .map(ParsedEvents::json)
                .filter(event -> Long.valueOf(1).equals(event.field("EventID")))
                .toList();

        assertThat(processStarts).hasSizeGreaterThan(50);
        for (Event event : processStarts) {
            String record = "EventRecordID " + event.field("EventRecordID");
            assertThat(event.field("event.dataset")).as(record).isEqualTo("windows.sysmon");
            assertThat(event.field("event.category")).as(record).isEqualTo(List.of("process"));
            assertThat(event.field("process.executable")).as(record).isEqualTo(event.field("Image"));
            assertThat(event.field("process.command_line")).as(record).isEqualTo(event.field("CommandLine"));
            assertThat(event.field("process.pid")).as(record).isEqualTo(event.field("ProcessId"));
            Object parentImage = event.field("ParentImage");
            assertThat(event.field("process.parent.executable")).as(record)
                    .isEqualTo("-".equals(parentImage) ? null : parentImage);
        }
    }

    private static void assertSameFields(Event event, JsonNode flat, String where) {
        assertThat(event.tags()).as(where).doesNotContain(Event.TAG_PARSE_ERROR);
        for (Map.Entry<String, JsonNode> field : flat.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                assertThat(event.fields()).as(where).doesNotContainKey(field.getKey());
                continue;
            }
            Object expected = value.isIntegralNumber() ? (Object) value.asLong() : value.asString();
            assertThat(event.field(field.getKey())).as(where + ": " + field.getKey()).isEqualTo(expected);
        }
    }

    private static List<Path> caseFolders() throws IOException {
        try (Stream<Path> folders = Files.list(Corpus.require("sigma").resolve("cases"))) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
