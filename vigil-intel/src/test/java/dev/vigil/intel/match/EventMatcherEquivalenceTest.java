package dev.vigil.intel.match;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EventMatcher} (which orders by id ranks worked out at build) against the way it used to work: collect every
 * field's matches, sort them by indicator id and kind with a stable sort, drop repeats. Indicator sets reuse ids across
 * indicators and types, add the same record twice and equal copies of records, and let some expire.
 */
class EventMatcherEquivalenceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final EventFieldMapping MAPPING = EventFieldMapping.defaults();

    @Property(tries = 80)
    void sameMatchesInTheSameOrderAsSortingByIdString(@ForAll long seed) {
        Random random = new Random(seed);
        IndicatorIndex.Builder builder = IndicatorIndex.builder();
        int count = 1 + random.nextInt(random.nextBoolean() ? 30 : 300);
        Indicator previous = null;
        for (int i = 0; i < count; i++) {
            Indicator indicator = previous != null && random.nextInt(8) == 0 ? copyOf(previous) : randomIndicator(random, count);
            builder.add(indicator);
            previous = indicator;
        }
        IndicatorIndex index = builder.build();
        EventMatcher matcher = new EventMatcher(new LiveIndicatorIndex(index), MAPPING);
        for (int e = 0; e < 300; e++) {
            Map<String, Object> event = randomEvent(random);
            assertThat(matcher.match(event, NOW)).as("%s", event).containsExactlyElementsOf(sortedById(index, event));
        }
    }

    /** The matching as it was before id ranks: a stable sort on id strings and kinds, then repeats dropped. */
    private static List<IndicatorMatch> sortedById(IndicatorIndex index, Map<String, Object> event) {
        List<IndicatorMatch> all = new ArrayList<>();
        for (Map.Entry<String, ObservableKind> field : MAPPING.fields().entrySet()) {
            Object value = event.get(field.getKey());
            List<?> values = value instanceof Collection<?> many ? List.copyOf(many) : value == null ? List.of() : List.of(value);
            for (Object element : values) {
                if (element instanceof String text) {
                    index.match(field.getValue(), text, NOW, all);
                }
            }
        }
        all.sort(IndicatorMatch.BY_INDICATOR_ID);
        List<IndicatorMatch> distinct = new ArrayList<>();
        for (IndicatorMatch match : all) {
            if (!distinct.contains(match)) {
                distinct.add(match);
            }
        }
        return distinct;
    }

    private static Indicator randomIndicator(Random random, int count) {
        IndicatorType type = IndicatorType.values()[random.nextInt(IndicatorType.values().length)];
        // Ids repeat across indicators; some sort before others only past a shared prefix.
        String id = (random.nextBoolean() ? "feed-a|" : "feed-b|") + random.nextInt(Math.max(1, count / 3));
        Instant validUntil = random.nextInt(10) == 0 ? NOW.minusSeconds(1) : random.nextInt(10) == 0 ? NOW.plusSeconds(1) : null;
        return new Indicator(id, type, RandomObservables.indicatorValue(type, random), "f" + random.nextInt(2), 50,
                null, null, validUntil);
    }

    /** The same record again half of the time, else an equal record that is another object. */
    private static Indicator copyOf(Indicator indicator) {
        return indicator.hashCode() % 2 == 0 ? indicator : new Indicator(new String(indicator.id()), indicator.type(),
                indicator.value(), indicator.source(), indicator.confidence(), null, null, indicator.validUntil());
    }

    private static Map<String, Object> randomEvent(Random random) {
        Map<String, Object> event = new HashMap<>();
        for (Map.Entry<String, ObservableKind> field : MAPPING.fields().entrySet()) {
            switch (random.nextInt(5)) {
                case 0, 1 -> { }
                case 2 -> event.put(field.getKey(), RandomObservables.eventValue(field.getValue(), random));
                case 3 -> {
                    List<Object> values = new ArrayList<>();
                    for (int n = random.nextInt(4); n >= 0; n--) {
                        values.add(random.nextInt(6) == 0 && !values.isEmpty() ? values.getFirst()
                                : RandomObservables.eventValue(field.getValue(), random));
                    }
                    values.add(random.nextInt(3) == 0 ? 42 : RandomObservables.eventValue(field.getValue(), random));
                    event.put(field.getKey(), values);
                }
                default -> event.put(field.getKey(), 42);
            }
        }
        event.put("src_ip", RandomObservables.eventValue(ObservableKind.IP_ADDRESS, random));
        return event;
    }
}
