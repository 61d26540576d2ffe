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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.vigil.detect.event.EventParseException;
import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.event.JsonEventParser;

/** JSON parsing and Windows flattening alone (events/s, one thread), over the same corpus events as the rule sets. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SigmaEventParseBenchmark {

    private final JsonEventParser parser = new JsonEventParser();
    private List<String> lines;
    private int cursor;

    @Setup(Level.Trial)
    public void load() throws IOException {
        lines = SigmaCorpus.locate().eventLines();
    }

    @Benchmark
    public JsonEvent parseOnly() throws EventParseException {
        int i = cursor;
        cursor = i + 1 == lines.size() ? 0 : i + 1;
        return parser.parse(lines.get(i), i + 1);
    }
}
