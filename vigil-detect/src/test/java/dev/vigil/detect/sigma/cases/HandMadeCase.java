package dev.vigil.detect.sigma.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.detect.sigma.rule.SigmaParseException;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import dev.vigil.testkit.Corpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One hand-made case under {@code src/test/resources/dev/vigil/detect/cases/<group>/<name>/}: a SigmaHQ rule of the
 * shared corpus (named by its path under {@code corpus/sigma/rules} and its id, read from the corpus at run time), the
 * events Vigil stores for it ({@code events.jsonl}: the fields vigil-events' {@code EventParser} yields for
 * hand-written log lines and documents, one event per line) and which lines the rule must match ({@code case.json},
 * shaped like the corpus cases: {@code expected_matches}, {@code expected_match_lines}, plus a note per line).
 */
record HandMadeCase(String name, Path dir, String rulePath, String ruleId, String mapping, List<Integer> expectedLines,
                    int expectedMatches, int eventCount) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROOT = "/dev/vigil/detect/cases";

    /** Every case, as {@code group/name}, in name order. */
    static List<String> names() {
        Path root = root();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals("case.json"))
                    .map(p -> root.relativize(p.getParent()).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HandMadeCase load(String name) throws IOException {
        Path dir = root().resolve(name);
        JsonNode json = JSON.readTree(dir.resolve("case.json").toFile());
        List<Integer> lines = new ArrayList<>();
        json.get("expected_match_lines").forEach(n -> lines.add(n.asInt()));
        return new HandMadeCase(name, dir, json.get("rule_path").asString(), json.get("rule_id").asString(),
                json.get("mapping").asString(), List.copyOf(lines), json.get("expected_matches").asInt(),
                json.get("event_count").asInt());
    }

    Path events() {
        return dir.resolve("events.jsonl");
    }

    List<String> eventLines() throws IOException {
        return Files.readAllLines(events());
    }

    /** The rule file in the corpus; skips the calling test visibly when the corpus is absent. */
    Path ruleFile() {
        return Corpus.require("sigma").resolve("rules").resolve(rulePath);
    }

    SigmaRule rule() throws IOException, SigmaParseException {
        Path file = ruleFile();
        return new SigmaRuleParser().parseRule(Files.readString(file), file.toString());
    }

    private static Path root() {
        try {
            return Path.of(HandMadeCase.class.getResource(ROOT).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
