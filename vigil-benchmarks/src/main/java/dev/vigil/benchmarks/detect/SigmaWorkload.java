package dev.vigil.benchmarks.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.detect.event.EventParseException;
import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.logsource.LogSourceMappingLoader;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;

/**
 * The work {@link SigmaCpuTime} measures, for one build of the engine: {@link SigmaCpuTime} defines this class anew in
 * each build's class loader, so the loops below are compiled and profiled separately per build and call that build's
 * classes directly.
 */
public final class SigmaWorkload {

    public static final int PARSE_AND_MATCH = 0;
    public static final int MATCH_ONLY = 1;
    public static final int PARSE_ONLY = 2;

    private final RuleSet ruleSet;
    private final JsonEventParser parser = new JsonEventParser();
    private final List<String> lines;
    private final List<JsonEvent> parsed = new ArrayList<>();
    private int cursor;

    public SigmaWorkload(List<Path> ruleFiles, List<String> lines) throws Exception {
        SigmaRuleParser ruleParser = new SigmaRuleParser();
        List<SigmaRule> rules = new ArrayList<>();
        for (Path file : ruleFiles) {
            rules.addAll(ruleParser.parse(file).rules());
        }
        ruleSet = RuleSet.compile(rules, LogSourceMappingLoader.windows());
        this.lines = lines;
        for (int i = 0; i < lines.size(); i++) {
            parsed.add(parser.parse(lines.get(i), i + 1));
        }
    }

    public int ruleCount() {
        return ruleSet.rules().size();
    }

    /** Matches over one pass of the events, parsed afresh. */
    public long matchesPerPass() throws EventParseException {
        long matches = 0;
        for (int i = 0; i < lines.size(); i++) {
            matches += ruleSet.match(parser.parse(lines.get(i), i + 1)).size();
        }
        return matches;
    }

    /** Runs {@code events} events in the mode; returns a value depending on all of them. */
    public long run(int mode, int events) throws EventParseException {
        long sink = 0;
        for (int k = 0; k < events; k++) {
            int i = cursor;
            cursor = i + 1 == lines.size() ? 0 : i + 1;
            sink += switch (mode) {
                case PARSE_AND_MATCH -> ruleSet.match(parser.parse(lines.get(i), i + 1)).size();
                case MATCH_ONLY -> ruleSet.match(parsed.get(i)).size();
                default -> parser.parse(lines.get(i), i + 1).hashCode();
            };
        }
        return sink;
    }
}
