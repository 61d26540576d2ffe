package dev.vigil.benchmarks.intel;

import dev.vigil.intel.match.EventFieldMapping;
import dev.vigil.intel.match.EventMatcher;
import dev.vigil.intel.match.IndicatorIndex;
import dev.vigil.intel.match.IndicatorMatch;
import dev.vigil.intel.match.LiveIndicatorIndex;
import dev.vigil.intel.match.ObservableKind;

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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of one indicator lookup per event value against {@link SyntheticIndicators} of 1 or 10 million
 * indicators, half of the probes hitting; includes canonicalising the event value. The setup prints the index build
 * time and the retained heap per indicator to stderr. {@link IndicatorLookupCpuTime} measures the same lookups per
 * CPU-second, which is steadier on a shared machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
public class IndicatorMatchBenchmark {

    @Param({"1000000", "10000000"})
    public int indicators;

    private IndicatorIndex index;
    private EventMatcher matcher;
    private String[] ipProbes;
    private String[] domainProbes;
    private String[] hashProbes;
    private String[] urlProbes;
    private List<Map<String, Object>> events;
    private int cursor;
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Setup(Level.Trial)
    public void build() {
        SyntheticIndicators set = new SyntheticIndicators(indicators);
        index = set.index;
        matcher = new EventMatcher(new LiveIndicatorIndex(index), EventFieldMapping.defaults());
        ipProbes = set.ipProbes;
        domainProbes = set.domainProbes;
        hashProbes = set.hashProbes;
        urlProbes = set.urlProbes;
        events = set.events;
    }

    private int next() {
        cursor = (cursor + 1) & (SyntheticIndicators.PROBES - 1);
        return cursor;
    }

    @Benchmark
    public List<IndicatorMatch> ipv4() {
        return index.match(ObservableKind.IP_ADDRESS, ipProbes[next()], now);
    }

    @Benchmark
    public List<IndicatorMatch> domain() {
        return index.match(ObservableKind.DOMAIN, domainProbes[next()], now);
    }

    @Benchmark
    public List<IndicatorMatch> sha256() {
        return index.match(ObservableKind.FILE_HASH, hashProbes[next()], now);
    }

    @Benchmark
    public List<IndicatorMatch> url() {
        return index.match(ObservableKind.URL, urlProbes[next()], now);
    }

    @Benchmark
    public List<IndicatorMatch> mixedEvent() {
        return matcher.match(events.get(next()), now);
    }
}
