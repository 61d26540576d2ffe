package dev.vigil.intel.match;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DigestTableTest {

    private static List<Integer> lookup(DigestTable table, String text) {
        List<Integer> found = new ArrayList<>();
        table.postings().visit(table.find(text), found::add);
        return found;
    }

    @Property(tries = 100)
    void agreesWithAHashMapOfLists(@ForAll @IntRange(min = 0, max = 2) int kind,
                                   @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 150) Integer> picks) {
        int digits = new int[] {32, 40, 64}[kind];
        Random random = new Random(picks.size());
        List<String> pool = new ArrayList<>();
        for (int i = 0; i <= 150; i++) {
            byte[] bytes = new byte[digits / 2];
            random.nextBytes(bytes);
            pool.add(HexFormat.of().formatHex(bytes));
        }
        DigestTable table = new DigestTable(digits);
        Map<String, List<Integer>> expected = new HashMap<>();
        for (int ordinal = 0; ordinal < picks.size(); ordinal++) {
            String hex = pool.get(picks.get(ordinal));
            table.add(hex, ordinal);
            expected.computeIfAbsent(hex, h -> new ArrayList<>()).add(ordinal);
        }
        assertThat(table.size()).isEqualTo(expected.size());
        for (String hex : pool) {
            List<Integer> want = expected.getOrDefault(hex, List.of());
            assertThat(lookup(table, hex)).isEqualTo(want);
            assertThat(lookup(table, " " + hex.toUpperCase(Locale.ROOT) + "\n")).isEqualTo(want);
        }
    }

    @Test
    void ignoresTextOfOtherLengthsOrWithNonHexCharacters() {
        DigestTable table = new DigestTable(32);
        table.add("0123456789abcdef0123456789abcdef", 7);
        assertThat(lookup(table, "0123456789abcdef0123456789abcdef")).containsExactly(7);
        assertThat(lookup(table, "0123456789abcdef0123456789abcde")).isEmpty();
        assertThat(lookup(table, "0123456789abcdef0123456789abcdeg")).isEmpty();
        assertThat(lookup(table, "")).isEmpty();
    }
}
