package dev.vigil.benchmarks.detect;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.vigil.detect.event.EventParseException;
import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.logsource.LogSourceMappingLoader;

/**
 * Throughput (events/s, one thread) of a Sigma rule set over the corpus's Windows events (165 evtx_dump JSON lines,
 * mostly Sysmon EID 1), cycling through them, so a run is that stream repeated to millions of events. {@code rules}
 * picks 10, 100, 1,000 or all of the public rule files (corpus/sigma/rules, 3,780 files; ~2,850 rules in scope of the
 * Windows mapping), spread evenly over the path-sorted list (see {@link SigmaCorpus#ruleSample}). The corpus is read
 * from {@code -Dvigil.corpus.dir} (default ../shared/corpus, relative to the working folder).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SigmaRuleSetBenchmark {

    @Param({"10", "100", "1000", "all"})
    public String rules;

    private RuleSet ruleSet;
    private final JsonEventParser parser = new JsonEventParser();
    private List<String> lines;
    private List<JsonEvent> parsed;
    private int cursor;

    @Setup(Level.Trial)
    public void load() throws IOException, EventParseException {
        SigmaCorpus corpus = SigmaCorpus.locate();
        ruleSet = RuleSet.compile(corpus.ruleSample(rules), LogSourceMappingLoader.windows());
        System.out.printf("%n%s rule files: %d rules in scope of the windows mapping, %d skipped%n", rules,
                ruleSet.rules().size(), ruleSet.skipped().size());
        lines = corpus.eventLines();
        parsed = corpus.parsedEvents(parser);
    }

    private int next() {
        int i = cursor;
        cursor = i + 1 == lines.size() ? 0 : i + 1;
        return i;
    }

    /** JSON parsing, Windows flattening, case folding, routing and matching of one event. */
    @Benchmark
    public int parseAndMatch() throws EventParseException {
        int i = next();
        return ruleSet.match(parser.parse(lines.get(i), i + 1)).size();
    }

    /**
     * Routing and matching of an already parsed event. Its folded values are cached after the first pass, so this
     * leaves out case folding as well as parsing.
     */
    @Benchmark
    public int matchOnly() {
        return ruleSet.match(parsed.get(next())).size();
    }
}
