package dev.vigil.detect.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RarityDetectorTest {

    private static final Instant T0 = Instant.parse("2026-02-02T09:00:00Z");

    private static RarityConfig config(double threshold, int warmup, int maxValues, int maxEntities) {
        return new RarityConfig("rare-process", List.of("host"), "process", TermTransform.LOWER_CASE,
                Duration.ofDays(14), warmup, threshold, maxValues, maxEntities);
    }

    /** 97 runs of sshd, 3 of cron on host h1, one an hour. */
    private static void history(RarityDetector detector) {
        for (int i = 0; i < 100; i++) {
            detector.observe(TestEvent.at(T0.plus(Duration.ofHours(i)), "host", "h1", "process",
                    i % 33 == 0 ? "CRON" : "sshd"));
        }
    }

    @Test
    void reportsAValueRareForTheEntityWithItsShare() {
        RarityDetector detector = new RarityDetector(config(0.05, 20, 128, 100));
        history(detector);
        List<Finding> findings = detector.observe(TestEvent.at(T0.plus(Duration.ofHours(100)), "host", "h1",
                "process", "cron"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo("host=h1");
            assertThat(f.seen()).isEqualTo("cron with share 0.0400");
            assertThat(f.expected()).contains("most usual sshd");
            assertThat(f.score()).isGreaterThan(0.95);
        });
        assertThat(detector.observe(TestEvent.at(T0.plus(Duration.ofHours(101)), "host", "h1", "process", "sshd")))
                .isEmpty();
    }

    @Test
    void sensitivityChangesTheOutcome() {
        RarityDetector strict = new RarityDetector(config(0.01, 20, 128, 100));
        RarityDetector loose = new RarityDetector(config(0.05, 20, 128, 100));
        history(strict);
        history(loose);
        TestEvent cron = TestEvent.at(T0.plus(Duration.ofHours(100)), "host", "h1", "process", "cron");
        assertThat(strict.observe(cron)).isEmpty();
        assertThat(loose.observe(cron)).hasSize(1);
    }

    @Test
    void noFindingDuringWarmUp() {
        RarityDetector detector = new RarityDetector(config(0.05, 200, 128, 100));
        history(detector);
        assertThat(detector.observe(TestEvent.at(T0.plus(Duration.ofHours(100)), "host", "h1", "process", "nc")))
                .isEmpty();
    }

    @Test
    void oldHabitsFadeWithTheHalfLife() {
        RarityDetector detector = new RarityDetector(config(0.05, 20, 128, 100));
        for (int i = 0; i < 50; i++) {
            detector.observe(TestEvent.at(T0.plus(Duration.ofHours(i)), "host", "h1", "process", "old"));
        }
        // eight half-lives later, 50 new events outweigh the 50 old ones by 2^8
        for (int i = 0; i < 50; i++) {
            detector.observe(TestEvent.at(T0.plus(Duration.ofDays(112)).plus(Duration.ofMinutes(i)), "host", "h1",
                    "process", "new"));
        }
        assertThat(detector.shares("host=h1").get("old")).isCloseTo(1 / 257.0, within(0.001));
        assertThat(detector.observe(TestEvent.at(T0.plus(Duration.ofDays(113)), "host", "h1", "process", "old")))
                .hasSize(1);
    }

    @Test
    void memoryStaysBoundedUnderAFlood() {
        RarityDetector detector = new RarityDetector(config(0.05, 20, 16, 500));
        for (int i = 0; i < 20_000; i++) {
            detector.observe(TestEvent.at(T0.plusSeconds(i), "host", "h" + (i % 3000), "process", "p" + i));
        }
        assertThat(detector.entityCount()).isEqualTo(500);
        for (int i = 0; i < 5_000; i++) {
            detector.observe(TestEvent.at(T0.plusSeconds(30_000 + i), "host", "busy", "process", "p" + i));
        }
        assertThat(detector.shares("host=busy")).hasSize(16);
    }

    @Test
    void stateSurvivesARestart() throws IOException {
        RarityDetector before = new RarityDetector(config(0.05, 20, 128, 100));
        history(before);
        RarityDetector after = new RarityDetector(config(0.05, 20, 128, 100));
        BaselineSnapshots.restore(after, BaselineSnapshots.save(before));
        assertThat(after.shares("host=h1")).isEqualTo(before.shares("host=h1"));
        TestEvent cron = TestEvent.at(T0.plus(Duration.ofHours(100)), "host", "h1", "process", "cron");
        assertThat(after.observe(cron)).isEqualTo(before.observe(cron));
    }
}
