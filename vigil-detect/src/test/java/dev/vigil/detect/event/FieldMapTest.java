package dev.vigil.detect.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The event field map behaves as a LinkedHashMap filled in the same order would. */
class FieldMapTest {

    /** names with equal hash codes ("Aa"/"BB") and repeats, enough of them to make the map grow */
    @Property(tries = 300)
    void behavesLikeALinkedHashMap(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> pool = List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "Image", "CommandLine", "", "x y");
        FieldMap fields = new FieldMap(random.nextInt(1, 80));
        Map<String, FieldValue> expected = new LinkedHashMap<>();
        for (int i = 0, n = random.nextInt(200); i < n; i++) {
            String name = random.nextBoolean() ? pool.get(random.nextInt(pool.size()))
                    : new String("f" + random.nextInt(150)); // equal names need not be the same String
            FieldValue value = FieldValue.scalar(i);
            fields.add(name, value);
            expected.put(name, value);
        }
        assertThat(fields).isEqualTo(expected);
        assertThat(fields.size()).isEqualTo(expected.size());
        assertThat(List.copyOf(fields.keySet())).isEqualTo(List.copyOf(expected.keySet()));
        assertThat(List.copyOf(fields.values())).isEqualTo(List.copyOf(expected.values()));
        for (String name : pool) {
            assertThat(fields.get(name)).isSameAs(expected.get(name));
            assertThat(fields.containsKey(name)).isEqualTo(expected.containsKey(name));
        }
        for (int k = 0; k < 150; k++) {
            assertThat(fields.get("f" + k)).isSameAs(expected.get("f" + k));
        }
        assertThat(fields.get(42)).isNull();
    }
}
