package dev.vigil.benchmarks.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.vigil.detect.event.EventParseException;
import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.logsource.LogSourceMappingLoader;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;

/**
 * Throughput (events/s, one thread) of the whole public Sigma rule set (corpus/sigma/rules, ~2,850 rules in scope of
 * the Windows mapping) over the corpus's Windows events (165 evtx_dump JSON lines, mostly Sysmon EID 1), cycling through
 * them. The corpus is read from {@code -Dvigil.corpus.dir} (default ../shared/corpus, relative to the working folder).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SigmaRuleSetBenchmark {

    private RuleSet ruleSet;
    private final JsonEventParser parser = new JsonEventParser();
    private List<String> lines;
    private List<JsonEvent> parsed;
    private int cursor;

    @Setup(Level.Trial)
    public void load() throws IOException, EventParseException {
        Path corpus = Path.of(System.getProperty("vigil.corpus.dir", "../shared/corpus")).resolve("sigma");
        if (!Files.isDirectory(corpus)) {
            throw new IllegalStateException("corpus not found at " + corpus.toAbsolutePath()
                    + " (run from the checkout or set -Dvigil.corpus.dir)");
        }
        SigmaRuleParser ruleParser = new SigmaRuleParser();
        List<SigmaRule> rules = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus.resolve("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                rules.addAll(ruleParser.parse(file).rules());
            }
        }
        ruleSet = RuleSet.compile(rules, LogSourceMappingLoader.windows());
        lines = new ArrayList<>();
        try (Stream<Path> cases = Files.list(corpus.resolve("cases"))) {
            for (Path dir : cases.sorted().toList()) {
                lines.addAll(Files.readAllLines(dir.resolve("events.jsonl")));
            }
        }
        parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            parsed.add(parser.parse(lines.get(i), i + 1));
        }
    }

    private int next() {
        int i = cursor;
        cursor = i + 1 == lines.size() ? 0 : i + 1;
        return i;
    }

    /** JSON parsing, Windows flattening, routing and matching of one event. */
    @Benchmark
    public int parseAndMatch() throws EventParseException {
        int i = next();
        return ruleSet.match(parser.parse(lines.get(i), i + 1)).size();
    }

    /** Routing and matching of an already parsed event (its folded values are cached after the first pass). */
    @Benchmark
    public int matchOnly() {
        return ruleSet.match(parsed.get(next())).size();
    }

    /** JSON parsing and flattening only, for reference. */
    @Benchmark
    public JsonEvent parseOnly() throws EventParseException {
        int i = next();
        return parser.parse(lines.get(i), i + 1);
    }
}
