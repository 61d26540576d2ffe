package dev.vigil.intel.match;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class LiveIndicatorIndexTest {

    private static IndicatorIndex generation(int n) {
        // Each generation holds the same two IPs under ids tagged with the generation, so a consistent snapshot
        // always yields two matches from one generation.
        return IndicatorIndex.builder()
                .add(Indicator.of("g" + n + "-a", IndicatorType.IPV4, "203.0.113.1", "feed", 50))
                .add(Indicator.of("g" + n + "-b", IndicatorType.IPV4_CIDR, "203.0.113.0/24", "feed", 50))
                .build();
    }

    private static String generationOf(IndicatorMatch match) {
        String id = match.indicator().id();
        return id.substring(0, id.indexOf('-'));
    }

    @Test
    void matchingContinuesWhileSnapshotsAreSwappedAndEachEventSeesOneGeneration() throws Exception {
        LiveIndicatorIndex live = new LiveIndicatorIndex(generation(0));
        EventMatcher matcher = new EventMatcher(live, EventFieldMapping.defaults());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger matched = new AtomicInteger();
        AtomicReference<String> inconsistency = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                var matches = matcher.match(Map.of("dst_ip", "203.0.113.1"), Instant.EPOCH);
                if (matches.size() != 2 || !generationOf(matches.get(0)).equals(generationOf(matches.get(1)))) {
                    inconsistency.set(matches.toString());
                }
                matched.incrementAndGet();
            }
        });
        reader.start();
        int n = 0;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((n < 200 || matched.get() < 1_000) && System.nanoTime() < deadline) {
            live.replace(generation(++n));
        }
        stop.set(true);
        reader.join();
        assertThat(inconsistency.get()).isNull();
        assertThat(matched.get()).isPositive();
        assertThat(live.current().match(ObservableKind.IP_ADDRESS, "203.0.113.1", Instant.EPOCH))
                .extracting(m -> m.indicator().id()).containsExactly("g" + n + "-a", "g" + n + "-b");
    }
}
