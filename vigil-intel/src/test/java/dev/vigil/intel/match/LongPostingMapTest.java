package dev.vigil.intel.match;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LongPostingMapTest {

    @Property(tries = 200)
    void agreesWithAHashMapOfLists(@ForAll @Size(max = 300) List<@LongRange(min = 0, max = 400) Long> keys) {
        LongPostingMap map = new LongPostingMap(4);
        Map<Long, List<Integer>> expected = new HashMap<>();
        for (int ordinal = 0; ordinal < keys.size(); ordinal++) {
            map.add(keys.get(ordinal), ordinal);
            expected.computeIfAbsent(keys.get(ordinal), k -> new ArrayList<>()).add(ordinal);
        }
        assertThat(map.size()).isEqualTo(expected.size());
        for (long key = 0; key <= 401; key++) {
            List<Integer> found = new ArrayList<>();
            map.forEach(key, found::add);
            assertThat(found).as("key %d", key).isEqualTo(expected.getOrDefault(key, List.of()));
        }
    }
}
