package dev.vigil.intel.match;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IdRanksTest {

    @Property(tries = 200)
    void ranksOrderAndIdentifyIdsAsTheirStringsDo(@ForAll long seed, @ForAll @IntRange(max = 400) int count,
            @ForAll @IntRange(max = 3) int arrangement) {
        Random random = new Random(seed);
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = "feed|" + random.nextInt(Math.max(1, count / 2)) + (random.nextInt(8) == 0 ? "é" : "");
        }
        // Already sorted, reversed and unsorted input take different paths through the merge sort.
        if (arrangement == 1) {
            Arrays.sort(ids);
        } else if (arrangement == 2) {
            Arrays.sort(ids, (a, b) -> b.compareTo(a));
        }
        Indicator[] indicators = new Indicator[count];
        for (int i = 0; i < count; i++) {
            indicators[i] = Indicator.of(ids[i], IndicatorType.DOMAIN, "x.test", "f", 1);
        }
        int[] ranks = IdRanks.of(indicators);
        long distinct = Arrays.stream(ids).distinct().count();
        for (int a = 0; a < count; a++) {
            assertThat(ranks[a]).isBetween(0, (int) distinct - 1);
            for (int b = 0; b < count; b++) {
                assertThat(Integer.signum(Integer.compare(ranks[a], ranks[b])))
                        .as("%s vs %s", ids[a], ids[b]).isEqualTo(Integer.signum(ids[a].compareTo(ids[b])));
            }
        }
    }
}
