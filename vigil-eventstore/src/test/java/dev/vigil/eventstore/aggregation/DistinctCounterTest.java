package dev.vigil.eventstore.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.eventstore.mapping.ValueHashes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistinctCounterTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 999, 1_000})
    void countsExactlyUpToTheThreshold(int distinct) {
        DistinctCounter counter = new DistinctCounter(1_000);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < distinct; i++) {
                counter.add(ValueHashes.ofLong(i));
            }
        }
        assertThat(counter.count()).isEqualTo(distinct);
    }

    @ParameterizedTest
    @ValueSource(ints = {5_000, 50_000, 200_000, 2_000_000})
    void estimatesWithinAFewPercentAboveIt(int distinct) {
        DistinctCounter counter = new DistinctCounter(1_000);
        for (int i = 0; i < distinct; i++) {
            counter.add(ValueHashes.ofLong(i * 7919L));
            counter.add(ValueHashes.ofLong(i * 7919L));
        }
        assertThat((double) counter.count()).isCloseTo(distinct, within(distinct * 0.03));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 30_000})
    void mergingCountsTheUnion(int distinct) {
        DistinctCounter left = new DistinctCounter(1_000);
        DistinctCounter right = new DistinctCounter(1_000);
        for (int i = 0; i < distinct; i++) {
            left.add(ValueHashes.ofLong(i));
            right.add(ValueHashes.ofLong(i + distinct / 2));
        }
        left.merge(right);
        double union = distinct * 1.5;
        assertThat((double) left.count()).isCloseTo(union, within(union * 0.03));
    }
}
