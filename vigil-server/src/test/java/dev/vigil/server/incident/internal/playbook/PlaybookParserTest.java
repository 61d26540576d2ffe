package dev.vigil.server.incident.internal.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.server.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

/** The playbook format without a server: parsing and its refusals, conditions, placeholders and triggers. */
class PlaybookParserTest {

    private static RunContext context(Integer level) {
        Map<String, Object> incident = new HashMap<>();
        incident.put("ref", "INC-7");
        incident.put("title", "Logins");
        incident.put("type", "malware");
        incident.put("level", level);
        return new RunContext(incident);
    }

    @Test
    void aDefinitionParsesWithDefaultsAndItsFields() {
        PlaybookDefinition definition = PlaybookParser.parse("""
                name: p1
                trigger: {types: [malware, ddos], max_level: 2}
                steps:
                  - {name: s1, type: search_events, query: "host.name:web1", limit: 5}
                  - {name: s2, type: webhook, url: "https://fw.example.org/block", when: "steps.s1.count > 0", retries: 3, timeout: 5s,
                     body: {ids: "{{steps.s1.ids}}"}}
                """);
        assertThat(definition.trigger().types()).containsExactly("malware", "ddos");
        assertThat(definition.steps().get(0).timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(definition.steps().get(0).retries()).isZero();
        assertThat(definition.steps().get(1).retries()).isEqualTo(3);
        assertThat(definition.steps().get(1).timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(definition.steps().get(1).fields().get("body")).isEqualTo(Map.of("ids", "{{steps.s1.ids}}"));
    }

    @Test
    void refusalsNameTheFieldOrTheLine() {
        assertThatThrownBy(() -> PlaybookParser.parse("name: p\nsteps:\n  - name: a\n    type: comment\n    text: hi\n  - name: a\n    type: comment\n    text: hi\n"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("steps[1].name: another step is already called 'a'");
        assertThatThrownBy(() -> PlaybookParser.parse("name: p\nsteps: [\n"))
                .hasMessageContaining("invalid YAML").hasMessageContaining("line");
        assertThatThrownBy(() -> PlaybookParser.parse("name: p\nname: q\nsteps: []\n")).hasMessageContaining("invalid YAML");
        assertThatThrownBy(() -> PlaybookParser.parse("name: p\nsteps: []\n")).hasMessageContaining("steps: missing required field steps");
        assertThatThrownBy(() -> PlaybookParser.parse("name: p\nsteps:\n  - {name: a, type: comment, text: hi, when: \"incident.level ~ 2\"}\n"))
                .hasMessageContaining("steps[0].when: 'incident.level ~ 2' is not a comparison");
        assertThatThrownBy(() -> PlaybookParser.parse("name: p\nsteps:\n  - {name: a, type: create_task, title: t, due_in: soon}\n"))
                .hasMessageContaining("steps[0].due_in: 'soon' is not a span");
        assertThatThrownBy(() -> PlaybookParser.parse("name: p\ntrigger: {manual: true, max_level: 1}\nsteps:\n  - {name: a, type: comment, text: hi}\n"))
                .hasMessageContaining("trigger: a manual playbook has no types or max_level");
        assertThatThrownBy(() -> PlaybookParser.parse("name: p\nsteps:\n  - {name: a, type: webhook, url: \"https://x.org/{{incident.ref}}\"}\n"))
                .hasMessageContaining("steps[0].url: the URL cannot contain placeholders");
    }

    @Test
    void conditionsCompareNumbersAndTextAndAreFalseWithoutAValue() {
        RunContext graded = context(2);
        graded.record("find", Map.of("count", 3L, "ids", List.of("a", "b")));
        assertThat(Condition.parse("steps.find.count > 0 and incident.level <= 2").holds(graded)).isTrue();
        assertThat(Condition.parse("steps.find.count >= 4").holds(graded)).isFalse();
        assertThat(Condition.parse("incident.type == malware").holds(graded)).isTrue();
        assertThat(Condition.parse("incident.type != 'malware'").holds(graded)).isFalse();
        assertThat(Condition.parse("incident.level == 2.0").holds(graded)).isTrue();
        assertThat(Condition.parse("steps.other.count == 0").holds(graded)).as("a step that did not run").isFalse();
        assertThat(Condition.parse("incident.level <= 4").holds(context(null))).as("ungraded").isFalse();
        assertThat(graded.render("{{incident.ref}}: {{steps.find.ids}} / {{steps.other.count}}")).isEqualTo("INC-7: a,b / ");
    }

    @Test
    void triggersMatchTypeAndLevel() {
        PlaybookDefinition.Trigger severeMalware = new PlaybookDefinition.Trigger(false, List.of("malware"), 2);
        assertThat(severeMalware.matches("malware", 1)).isTrue();
        assertThat(severeMalware.matches("malware", 3)).isFalse();
        assertThat(severeMalware.matches("malware", null)).isFalse();
        assertThat(severeMalware.matches("ddos", 1)).isFalse();
        assertThat(new PlaybookDefinition.Trigger(false, List.of("ddos"), null).matches("ddos", null)).isTrue();
        assertThat(new PlaybookDefinition.Trigger(true, List.of(), null).matches("ddos", 1)).isFalse();
        assertThat(PlaybookEngine.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(PlaybookEngine.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(PlaybookEngine.backoff(12)).isEqualTo(Duration.ofSeconds(30));
    }
}
