package dev.vigil.benchmarks.intel;

import dev.vigil.intel.stix.pattern.InvalidPatternException;
import dev.vigil.intel.stix.pattern.StixPattern;
import dev.vigil.intel.stix.pattern.StixPatternParser;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Parse-and-validate throughput for a typical feed indicator pattern and for a long spec-style pattern. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class StixPatternParseBenchmark {

    private final String simple = "[domain-name:value = 'evil.example' OR ipv4-addr:value = '198.51.100.0/24']";
    private final String complex = "([file:hashes.'SHA-256' = '" + "a".repeat(64) + "' AND file:name MATCHES "
            + "'^Final Report.+\\\\.exe$'] FOLLOWEDBY [network-traffic:dst_port IN (80, 443, 8080) AND "
            + "network-traffic:dst_ref.value ISSUBSET '203.0.113.0/24']) WITHIN 300 SECONDS START "
            + "t'2024-01-01T00:00:00Z' STOP t'2024-02-01T00:00:00.5Z'";

    @Benchmark
    public StixPattern simplePattern() throws InvalidPatternException {
        return StixPatternParser.parse(simple);
    }

    @Benchmark
    public StixPattern complexPattern() throws InvalidPatternException {
        return StixPatternParser.parse(complex);
    }
}
