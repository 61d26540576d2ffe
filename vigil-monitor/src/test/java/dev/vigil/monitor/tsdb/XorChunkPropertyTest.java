package dev.vigil.monitor.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any sequence of timestamps, values (NaN payloads, ±Inf, -0.0) and staleness markers decodes to the same bits. */
class XorChunkPropertyTest {

    record Sample(long time, double value, boolean stale) {
    }

    @Property(tries = 2000)
    void anySamplesRoundTripBitExactly(@ForAll("sequences") List<Sample> samples) {
        SampleArrays in = new SampleArrays(1);
        samples.forEach(s -> in.add(s.time(), s.value(), s.stale()));
        byte[] chunk = XorChunk.encode(in, 0, in.size);
        assertThat(XorChunk.count(chunk)).isEqualTo(samples.size());
        SampleArrays out = new SampleArrays(1);
        XorChunk.decode(chunk, out);
        assertThat(out.size).isEqualTo(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            assertThat(out.times[i]).as("time %d", i).isEqualTo(samples.get(i).time());
            assertThat(Double.doubleToRawLongBits(out.values[i])).as("value bits %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(samples.get(i).value()));
            assertThat(out.stale[i]).as("stale %d", i).isEqualTo(samples.get(i).stale());
        }
    }

    @Property(tries = 300)
    void aSliceEncodesOnlyItsSamples(@ForAll("sequences") List<Sample> samples) {
        SampleArrays in = new SampleArrays(1);
        samples.forEach(s -> in.add(s.time(), s.value(), s.stale()));
        int from = samples.size() / 3;
        SampleArrays out = new SampleArrays(1);
        XorChunk.decode(XorChunk.encode(in, from, in.size), out);
        assertThat(out.size).isEqualTo(samples.size() - from);
        for (int i = 0; i < out.size; i++) {
            assertThat(out.times[i]).isEqualTo(samples.get(from + i).time());
        }
    }

    @Provide
    Arbitrary<List<Sample>> sequences() {
        Arbitrary<Long> times = Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.longs().between(1_700_000_000_000L, 1_700_000_900_000L),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L));
        Arbitrary<Double> values = Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                        Double.longBitsToDouble(0x7ff0000000000002L), Double.MIN_VALUE, Double.MAX_VALUE),
                Arbitraries.integers().between(0, 100).map(Integer::doubleValue));
        Arbitrary<Sample> sample = Combinators.combine(times, values, Arbitraries.of(false, false, false, true)).as(Sample::new);
        Arbitrary<List<Sample>> random = sample.list().ofMaxSize(300);
        // regular scrapes: increasing times with jitter, slowly moving values, occasional markers
        Arbitrary<List<Sample>> regular = Combinators.combine(Arbitraries.longs().between(0, 1L << 42),
                Arbitraries.integers().between(0, 300), Arbitraries.longs()).as((start, n, seed) -> {
                    java.util.Random random1 = new java.util.Random(seed);
                    List<Sample> out = new java.util.ArrayList<>();
                    long t = start;
                    double v = random1.nextInt(1000);
                    for (int i = 0; i < n; i++) {
                        t += 15_000 + random1.nextInt(200) - 100;
                        v += random1.nextBoolean() ? 0 : random1.nextInt(10);
                        boolean stale = random1.nextInt(50) == 0;
                        out.add(new Sample(t, stale ? Double.longBitsToDouble(0x7ff0000000000002L) : v, stale));
                    }
                    return out;
                });
        return Arbitraries.oneOf(random, regular);
    }
}
