package dev.vigil.eventstore.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LongCountsTest {

    @Test
    void countsLikeAMapThroughGrowth() {
        LongCounts counts = new LongCounts();
        Map<Long, Long> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long key = random.nextInt(20_000) - 10_000L;
            counts.increment(key);
            expected.merge(key, 1L, Long::sum);
        }
        counts.add(Long.MIN_VALUE, 5);
        expected.put(Long.MIN_VALUE, 5L);

        Map<Long, Long> actual = new HashMap<>();
        counts.forEach(actual::put);
        assertThat(actual).isEqualTo(expected);
        assertThat(counts.size()).isEqualTo(expected.size());
    }
}
