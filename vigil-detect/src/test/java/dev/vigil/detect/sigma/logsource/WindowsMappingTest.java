package dev.vigil.detect.sigma.logsource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.rule.LogSource;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import dev.vigil.testkit.Corpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WindowsMappingTest {

    private final LogSourceMapping windows = LogSourceMappingLoader.windows();

    /** Our hand-written mapping covers every category and service of the corpus's reference table, identically. */
    @Test
    void agreesWithTheCorpusReferenceTable() throws Exception {
        JsonNode reference = JsonMapper.builder().build()
                .readTree(Corpus.require("sigma").resolve("logsource-map.json").toFile());
        reference.get("windows_services").properties().forEach(service -> {
            List<String> channels = service.getValue().valueStream().map(JsonNode::asString).toList();
            assertThat(windows.channels(service.getKey())).as(service.getKey()).isEqualTo(channels);
        });
        // expand the reference to (category, channel, conditions with single values, renames) facts
        Set<String> expected = new HashSet<>();
        for (JsonNode entry : reference.get("windows_categories")) {
            for (JsonNode channel : entry.get("channels")) {
                Map<String, Set<String>> conditions = new HashMap<>();
                entry.get("conditions").properties().forEach(c -> conditions.put(c.getKey(),
                        c.getValue().isArray() ? new HashSet<>(c.getValue().valueStream().map(JsonNode::asString).toList())
                                : Set.of(c.getValue().asString())));
                Map<String, String> renames = new HashMap<>();
                entry.get("fieldmappings").properties().forEach(f -> renames.put(f.getKey(), f.getValue().asString()));
                expandFacts(entry.get("category").asString(), channel.asString(), conditions, renames, expected);
            }
        }
        Set<String> actual = new HashSet<>();
        windows.categories().forEach((category, sources) -> sources.forEach(source -> {
            for (String channel : windows.channels(source.service())) {
                expandFacts(category, channel, source.conditions(), source.fieldMappings(), actual);
            }
        }));
        assertThat(actual).isEqualTo(expected);
    }

    private static void expandFacts(String category, String channel, Map<String, Set<String>> conditions,
            Map<String, String> renames, Set<String> facts) {
        Set<String> combos = new HashSet<>(Set.of(""));
        for (Map.Entry<String, Set<String>> condition : new java.util.TreeMap<>(conditions).entrySet()) {
            Set<String> next = new HashSet<>();
            for (String prefix : combos) {
                for (String value : condition.getValue()) {
                    next.add(prefix + condition.getKey() + "=" + value + ";");
                }
            }
            combos = next;
        }
        for (String combo : combos) {
            facts.add(category + "|" + channel + "|" + combo + "|" + new java.util.TreeMap<>(renames));
        }
    }

    @Test
    void categoryRulesApplyOnlyToTheirEventsAndUseSourceFieldMappings() throws Exception {
        var rule = new SigmaRuleParser().parseRule("""
                title: whoami
                logsource: {product: windows, category: process_creation}
                detection:
                    sel:
                        Image|endswith: '\\whoami.exe'
                    condition: sel
                """, "t.yml");
        RuleSet ruleSet = RuleSet.compile(List.of(rule), windows);
        JsonEventParser parser = new JsonEventParser();
        String sysmon1 = "{\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"EventID\":1,\"Image\":\"C:\\\\whoami.exe\"}";
        assertThat(ruleSet.match(parser.parse(sysmon1, 1))).hasSize(1);
        assertThat(ruleSet.match(parser.parse(sysmon1.replace("\"EventID\":1", "\"EventID\":11"), 1))).isEmpty();
        assertThat(ruleSet.match(parser.parse(sysmon1.replace("Sysmon", "Other"), 1))).isEmpty();
        String security = "{\"Channel\":\"Security\",\"EventID\":4688,\"NewProcessName\":\"C:\\\\whoami.exe\"}";
        assertThat(ruleSet.match(parser.parse(security, 1))).hasSize(1);
    }

    @Test
    void unknownLogSourcesAreNotCovered() {
        assertThat(windows.resolve(new LogSource("linux", "process_creation", null, null, Map.of()))).isEmpty();
        assertThat(windows.resolve(new LogSource("windows", "no_such_category", null, null, Map.of()))).isEmpty();
        assertThat(windows.resolve(new LogSource("windows", null, "sysmon", null, Map.of()))).isPresent();
        assertThat(windows.resolve(new LogSource("windows", "process_creation", "security", null, Map.of())).orElseThrow())
                .singleElement().satisfies(s -> assertThat(s.fieldMappings()).containsKey("Image"));
    }

    @Test
    void usersCanLoadTheirOwnMapping(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("linux.yml");
        Files.writeString(file, """
                name: auditd
                product: linux
                routing: {channel: source}
                services:
                  auditd: [auditd]
                categories:
                  process_creation: [{service: auditd, conditions: {type: EXECVE}}]
                """);
        LogSourceMapping mapping = LogSourceMappingLoader.load(file.toString());
        assertThat(mapping.resolve(new LogSource("linux", "process_creation", null, null, Map.of()))).isPresent();
        assertThat(mapping.resolve(new LogSource("windows", "process_creation", null, null, Map.of()))).isEmpty();
    }

    @Test
    void brokenMappingsNameFileAndPlace() {
        assertThatThrownBy(() -> LogSourceMappingLoader.parse(new StringReader("routing: {channel: c}\ncategories:\n"
                + "  x: [{service: nope}]\n"), "m.yml"))
                .isInstanceOf(MappingException.class).hasMessageContaining("m.yml").hasMessageContaining("categories.x[0]");
        assertThatThrownBy(() -> LogSourceMappingLoader.parse(new StringReader("a: [\n"), "m.yml"))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("m.yml:");
        assertThatThrownBy(() -> LogSourceMappingLoader.load("/no/such/file.yml"))
                .isInstanceOf(MappingException.class).hasMessageContaining("/no/such/file.yml");
    }
}
