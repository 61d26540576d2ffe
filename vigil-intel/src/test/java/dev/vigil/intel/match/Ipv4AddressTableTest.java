package dev.vigil.intel.match;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class Ipv4AddressTableTest {

    /** Candidate addresses: both ends of the unsigned range and values that differ only in their top or low bits. */
    private static long address(int pick) {
        long high = (pick % 20) * 0x0C00_0000L;
        return Math.min(0xFFFF_FFFFL, high | (pick / 20));
    }

    private static List<Integer> lookup(Ipv4AddressTable table, long address) {
        List<Integer> found = new ArrayList<>();
        table.postings().visit(table.find(address), found::add);
        return found;
    }

    @Property(tries = 200)
    void agreesWithAHashMapOfLists(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 400) Integer> picks) {
        Ipv4AddressTable table = new Ipv4AddressTable();
        Map<Long, List<Integer>> expected = new HashMap<>();
        for (int ordinal = 0; ordinal < picks.size(); ordinal++) {
            long address = address(picks.get(ordinal));
            table.add(address, ordinal);
            expected.computeIfAbsent(address, k -> new ArrayList<>()).add(ordinal);
        }
        assertThat(table.size()).isEqualTo(expected.size());
        for (int pick = 0; pick <= 401; pick++) {
            long address = address(pick);
            assertThat(lookup(table, address)).as("address %d", address)
                    .isEqualTo(expected.getOrDefault(address, List.of()));
        }
        assertThat(lookup(table, 0xFFFF_FFFFL)).isEqualTo(expected.getOrDefault(0xFFFF_FFFFL, List.of()));
    }
}
