package dev.vigil.detect.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import dev.vigil.testkit.Corpus;
import tools.jackson.databind.json.JsonMapper;

class JsonEventParserTest {

    private final JsonEventParser parser = new JsonEventParser();

    @Test
    void flattensEvtxDumpNestingTheWaySigmaNamesWindowsFields() throws Exception {
        JsonEvent event = parser.parse("""
                {"Event":{"#attributes":{"xmlns":"x"},"System":{"Provider":{"#attributes":{"Name":"P","Guid":"G"}},
                 "EventID":{"#attributes":{"Qualifiers":0},"#text":4625},"Channel":"Security","Correlation":null},
                 "EventData":{"Threat Name":"Evil","Image":"C:\\\\a.exe","Data":[{"#attributes":{"Name":"Extra"},"#text":"v"}]}}}
                """, 1);
        assertThat(event.field("Provider_Name").text()).isEqualTo("P");
        assertThat(event.field("EventID").text()).isEqualTo("4625");
        assertThat(event.field("EventID_Qualifiers").text()).isEqualTo("0");
        assertThat(event.field("ThreatName").text()).isEqualTo("Evil");
        assertThat(event.field("Extra").text()).isEqualTo("v");
        assertThat(event.field("Correlation").isNull()).isTrue();
        assertThat(event.field("Event.EventData.Image").text()).isEqualTo("C:\\a.exe");
        assertThat(event.field("xmlns")).isNull();
    }

    @Test
    void userDataLeavesBecomeTopLevelFields() throws Exception {
        JsonEvent event = parser.parse("{\"Event\":{\"System\":{\"Channel\":\"c\"},\"UserData\":{\"Op\":{\"#attributes\":"
                + "{\"xmlns\":\"u\"},\"User\":\"bob\",\"Client Id\":7}}}}", 1);
        assertThat(event.field("User").text()).isEqualTo("bob");
        assertThat(event.field("ClientId").text()).isEqualTo("7");
        assertThat(event.fields()).doesNotContainKey("xmlns");
    }

    /** The nested corpus events flatten to exactly the corpus's own flat rendering. */
    @Test
    void nestedCorpusEventsFlattenLikeTheFlatFiles() throws Exception {
        Path cases = Corpus.require("sigma").resolve("cases");
        JsonMapper json = JsonMapper.builder().build();
        int compared = 0;
        try (var dirs = Files.list(cases)) {
            for (Path dir : dirs.sorted().toList()) {
                List<String> nested = Files.readAllLines(dir.resolve("events.jsonl"));
                List<String> flat = Files.readAllLines(dir.resolve("events.flat.jsonl"));
                for (int i = 0; i < nested.size(); i++) {
                    Map<String, FieldValue> fields = parser.parse(nested.get(i), i + 1).fields();
                    Map<?, ?> expected = json.readValue(flat.get(i), Map.class);
                    assertThat(fields.keySet()).as(dir + " line " + i).isEqualTo(expected.keySet());
                    for (Map.Entry<?, ?> entry : expected.entrySet()) {
                        assertThat(fields.get(entry.getKey()).raw()).as(dir + " " + entry.getKey()).isEqualTo(entry.getValue());
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void badLinesAreReportedWithTheirNumber() {
        assertThatThrownBy(() -> parser.parse("[1,2]", 7)).isInstanceOf(EventParseException.class)
                .hasMessage("line 7: expected a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"a\":", 3)).isInstanceOf(EventParseException.class)
                .hasMessageStartingWith("line 3: invalid JSON");
    }

    @Property(tries = 300)
    void arbitraryTextIsAnEventOrAParseError(@ForAll String text) {
        try {
            assertThat(parser.parse("{" + text, 1)).isNotNull();
        } catch (EventParseException expected) {
            assertThat(expected.line()).isEqualTo(1);
        }
    }
}
