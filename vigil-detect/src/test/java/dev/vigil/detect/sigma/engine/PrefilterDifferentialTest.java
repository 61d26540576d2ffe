package dev.vigil.detect.sigma.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.EventParseException;
import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.logsource.LogSourceMappingLoader;
import dev.vigil.detect.sigma.rule.DetectionNode;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import dev.vigil.detect.sigma.value.SigmaString;
import dev.vigil.detect.sigma.value.SigmaValue;
import dev.vigil.detect.sigma.value.StringToken;
import dev.vigil.testkit.Corpus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The literal prefilter (inverted index of required literals) only skips rules that cannot match: with every public
 * rule loaded, the indexed evaluation gives exactly the matches of evaluating every rule of the event's routes, on the
 * corpus events and on random events built from them and from the rules' own strings (so that the literals the index
 * looks for do occur, in random case, places and combinations).
 */
class PrefilterDifferentialTest {

    /**
     * separators, and characters whose case folding is not one to one or maps them to ASCII (Kelvin sign, long s,
     * dotted capital I)
     */
    private static final String ODD_CHARACTERS = " \\/-\u00df\u1e9e\u03a3\u03c2\u0130\u2013\u212a\u017f";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Fixture fixture;

    private record Fixture(RuleSet ruleSet, List<String> nestedLines, List<Map<String, Object>> flatEvents,
                           List<String> fieldNames, List<String> pieces) {
    }

    private static synchronized Fixture fixture() {
        if (fixture == null) {
            fixture = load(Corpus.require("sigma"));
        }
        return fixture;
    }

    @SuppressWarnings("unchecked")
    private static Fixture load(Path sigma) {
        try {
            SigmaRuleParser parser = new SigmaRuleParser();
            List<SigmaRule> rules = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(sigma.resolve("rules"))) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                    rules.addAll(parser.parse(file).rules());
                }
            }
            Set<String> fieldNames = new LinkedHashSet<>();
            Set<String> pieces = new LinkedHashSet<>();
            for (SigmaRule rule : rules) {
                rule.detections().values().forEach(node -> collect(node, fieldNames, pieces));
            }
            List<String> nested = new ArrayList<>();
            List<Map<String, Object>> flat = new ArrayList<>();
            try (Stream<Path> cases = Files.list(sigma.resolve("cases"))) {
                for (Path dir : cases.sorted().toList()) {
                    nested.addAll(Files.readAllLines(dir.resolve("events.jsonl")));
                    for (String line : Files.readAllLines(dir.resolve("events.flat.jsonl"))) {
                        Map<String, Object> event = JSON.readValue(line, LinkedHashMap.class);
                        flat.add(event);
                        event.values().forEach(v -> pieces.add(String.valueOf(v)));
                    }
                }
            }
            return new Fixture(RuleSet.compile(rules, LogSourceMappingLoader.windows()), nested, flat,
                    List.copyOf(fieldNames), List.copyOf(pieces));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(DetectionNode node, Set<String> fieldNames, Set<String> pieces) {
        switch (node) {
            case DetectionNode.AllOf all -> all.children().forEach(c -> collect(c, fieldNames, pieces));
            case DetectionNode.AnyOf any -> any.children().forEach(c -> collect(c, fieldNames, pieces));
            case DetectionNode.Item item -> {
                if (item.field() != null) {
                    fieldNames.add(item.field());
                }
                for (SigmaValue value : item.values()) {
                    if (value instanceof SigmaString s) {
                        for (StringToken token : s.tokens()) {
                            if (token instanceof StringToken.Literal l) {
                                pieces.add(l.text());
                            }
                        }
                    }
                }
            }
        }
    }

    private static List<String> ids(List<RuleMatch> matches) {
        return matches.stream().map(m -> m.rule().id() + " " + m.rule().title()).toList();
    }

    @Test
    void indexedEvaluationEqualsEvaluatingEveryRuleOnTheCorpusEvents() throws EventParseException {
        Fixture f = fixture();
        JsonEventParser parser = new JsonEventParser();
        int matched = 0;
        for (int i = 0; i < f.nestedLines().size(); i++) {
            JsonEvent event = parser.parse(f.nestedLines().get(i), i + 1);
            List<RuleMatch> exhaustive = f.ruleSet().matchExhaustively(event);
            assertThat(ids(f.ruleSet().match(event))).as("event %d", i).isEqualTo(ids(exhaustive));
            matched += exhaustive.size();
        }
        for (Map<String, Object> flat : f.flatEvents()) {
            Event event = JsonEvent.ofFlat(flat);
            assertThat(ids(f.ruleSet().match(event))).isEqualTo(ids(f.ruleSet().matchExhaustively(event)));
        }
        // the comparison is only worth something if rules do match
        assertThat(matched).isGreaterThan(150);
    }

    /**
     * Random events: a corpus event (so channel and event id reach real routes) whose fields are partly replaced by
     * random concatenations of rule literals and corpus values, in random case, with non-ASCII characters, lists and
     * extra fields mixed in. Half of them are read from JSON text, whose reader tells which events are all ASCII (their
     * values are then searched without being folded first).
     */
    @Property(tries = 400)
    void indexedEvaluationEqualsEvaluatingEveryRuleOnRandomEvents(@ForAll @LongRange(min = 1) long seed)
            throws EventParseException {
        Fixture f = fixture();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Object> event = new LinkedHashMap<>(f.flatEvents().get(random.nextInt(f.flatEvents().size())));
        if (random.nextInt(4) == 0) {
            // a Security 4688 event reaches process_creation rules through the mapping's field renames
            event.put("Channel", "Security");
            event.put("EventID", 4688);
            event.put("NewProcessName", randomValue(f, random));
            event.put("ParentProcessName", randomValue(f, random));
        }
        int changes = 1 + random.nextInt(8);
        for (int i = 0; i < changes; i++) {
            String field = random.nextInt(3) == 0
                    ? List.copyOf(event.keySet()).get(random.nextInt(event.size()))
                    : f.fieldNames().get(random.nextInt(f.fieldNames().size()));
            if (field.equals("Channel") || field.equals("EventID")) {
                continue;
            }
            event.put(field, random.nextInt(10) == 0 ? List.of(randomValue(f, random), randomValue(f, random))
                    : randomValue(f, random));
        }
        Event parsed = random.nextBoolean() ? JsonEvent.ofFlat(event)
                : new JsonEventParser().parse(JSON.writeValueAsString(event), 1);
        assertThat(ids(f.ruleSet().match(parsed))).as("event %s", event)
                .isEqualTo(ids(f.ruleSet().matchExhaustively(parsed)));
    }

    private static Object randomValue(Fixture f, SplittableRandom random) {
        if (random.nextInt(12) == 0) {
            return random.nextInt(5000);
        }
        StringBuilder value = new StringBuilder();
        int parts = 1 + random.nextInt(4);
        for (int p = 0; p < parts; p++) {
            String piece = f.pieces().get(random.nextInt(f.pieces().size()));
            if (random.nextInt(3) == 0 && piece.length() > 2) {
                int from = random.nextInt(piece.length() - 1);
                piece = piece.substring(from, from + 1 + random.nextInt(piece.length() - from - 1));
            }
            switch (random.nextInt(4)) {
                case 0 -> piece = piece.toUpperCase(java.util.Locale.ROOT);
                case 1 -> piece = piece.toLowerCase(java.util.Locale.ROOT);
                default -> {
                }
            }
            value.append(piece);
            if (random.nextInt(4) == 0) {
                value.append(ODD_CHARACTERS.charAt(random.nextInt(ODD_CHARACTERS.length())));
            }
        }
        return value.toString();
    }
}
