package dev.vigil.intel.match;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HashFilterTest {

    @Property(tries = 200)
    void neverRulesOutAnAddedHashAndRulesOutMostOthers(@ForAll long seed, @ForAll @IntRange(min = 4, max = 16) int slotsLog2) {
        Random random = new Random(seed);
        int slots = 1 << slotsLog2;
        HashFilter filter = new HashFilter(slots);
        Set<Integer> added = new HashSet<>();
        // As full as the tables let it get: two keys for every three slots.
        for (int i = 0; i < slots * 2 / 3; i++) {
            int hash = random.nextBoolean() ? random.nextInt() : random.nextInt(64) << random.nextInt(26);
            filter.add(hash);
            added.add(hash);
        }
        for (int hash : added) {
            assertThat(filter.mayContain(hash)).as("added %d", hash).isTrue();
        }
        int others = 0;
        int passed = 0;
        for (int i = 0; i < 4000; i++) {
            int hash = random.nextInt();
            if (!added.contains(hash)) {
                others++;
                passed += filter.mayContain(hash) ? 1 : 0;
            }
        }
        // Four bits per slot, at most 2/3 of a key per slot: about 15 % of absent hashes pass, rarely 25 %.
        assertThat(passed).as("absent hashes that pass").isLessThan(others * 3 / 10);
    }
}
