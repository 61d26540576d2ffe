package dev.vigil.detect.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NewTermsDetectorTest {

    private static final Instant T0 = Instant.parse("2026-02-02T09:00:00Z");

    private static NewTermsConfig config(double maxNoveltyRate, int maxTerms, int maxEntities) {
        return new NewTermsConfig("new-network", List.of("user"), "src", TermTransform.IPV4_NETWORK_24,
                Duration.ofDays(30), Duration.ofDays(7), 10, maxNoveltyRate, maxTerms, maxEntities);
    }

    /** One login a day for {@code days} days from 10.0.0.x or 10.0.1.x. */
    private static List<Finding> history(NewTermsDetector detector, int days) {
        List<Finding> findings = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            findings.addAll(detector.observe(TestEvent.at(T0.plus(Duration.ofDays(day)), "user", "alice",
                    "src", "10.0." + (day % 2) + "." + (day + 1))));
        }
        return findings;
    }

    @Test
    void reportsTheFirstLoginFromANewNetworkWithAnExplanation() {
        NewTermsDetector detector = new NewTermsDetector(config(0.2, 256, 100));
        assertThat(history(detector, 14)).isEmpty();
        // another address in a known /24 is not new
        assertThat(detector.observe(TestEvent.at(T0.plus(Duration.ofDays(14)), "user", "alice", "src", "10.0.1.200")))
                .isEmpty();
        List<Finding> findings = detector.observe(
                TestEvent.at(T0.plus(Duration.ofDays(15)), "user", "alice", "src", "198.51.100.7"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo("user=alice");
            assertThat(f.seen()).isEqualTo("198.51.100.0/24 (198.51.100.7)");
            assertThat(f.expected()).isEqualTo("one of 2 known src terms: 10.0.1.0/24, 10.0.0.0/24");
            assertThat(f.since()).isEqualTo(T0);
            assertThat(f.explanation()).contains("first src 198.51.100.0/24").contains("learned since " + T0);
        });
        // once seen, it is known
        assertThat(detector.observe(TestEvent.at(T0.plus(Duration.ofDays(16)), "user", "alice", "src", "198.51.100.8")))
                .isEmpty();
    }

    @Test
    void warmUpNeedsBothTimeAndEvents() {
        NewTermsDetector detector = new NewTermsDetector(config(1, 256, 100));
        // 6 days of history: too short although there are enough events
        for (int i = 0; i < 30; i++) {
            detector.observe(TestEvent.at(T0.plus(Duration.ofHours(4L * i)), "user", "bob", "src", "10.0.0.1"));
        }
        assertThat(detector.observe(TestEvent.at(T0.plus(Duration.ofDays(6)), "user", "bob", "src", "192.0.2.1")))
                .isEmpty();
        assertThat(detector.observe(TestEvent.at(T0.plus(Duration.ofDays(7)), "user", "bob", "src", "192.0.3.1")))
                .hasSize(1);
        // 8 days but only 2 events: not warm
        NewTermsDetector sparse = new NewTermsDetector(config(1, 256, 100));
        sparse.observe(TestEvent.at(T0, "user", "carol", "src", "10.0.0.1"));
        sparse.observe(TestEvent.at(T0.plus(Duration.ofDays(8)), "user", "carol", "src", "10.0.0.1"));
        assertThat(sparse.observe(TestEvent.at(T0.plus(Duration.ofDays(8)), "user", "carol", "src", "192.0.2.1")))
                .isEmpty();
    }

    @Test
    void sensitivityDecidesWhetherAnEntityThatOftenChangesIsReported() {
        // alice's history alternates between two networks over 14 logins: novelty rate 2/14 = 0.14
        NewTermsDetector strict = new NewTermsDetector(config(0.1, 256, 100));
        NewTermsDetector loose = new NewTermsDetector(config(0.2, 256, 100));
        history(strict, 14);
        history(loose, 14);
        TestEvent login = TestEvent.at(T0.plus(Duration.ofDays(15)), "user", "alice", "src", "203.0.113.9");
        assertThat(strict.observe(login)).isEmpty();
        assertThat(loose.observe(login)).hasSize(1);
    }

    @Test
    void termsOlderThanTheLookBackAreNewAgain() {
        NewTermsDetector detector = new NewTermsDetector(config(1, 256, 100));
        detector.observe(TestEvent.at(T0, "user", "dan", "src", "192.0.2.1"));
        for (int day = 1; day <= 40; day++) {
            detector.observe(TestEvent.at(T0.plus(Duration.ofDays(day)), "user", "dan", "src", "10.0.0.1"));
        }
        assertThat(detector.observe(TestEvent.at(T0.plus(Duration.ofDays(41)), "user", "dan", "src", "192.0.2.1")))
                .hasSize(1);
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfEntitiesAndTerms() {
        NewTermsDetector detector = new NewTermsDetector(config(1, 8, 1000));
        for (int i = 0; i < 50_000; i++) {
            detector.observe(TestEvent.at(T0.plusSeconds(i), "user", "u" + i, "src", "10.0.0.1"));
        }
        assertThat(detector.entityCount()).isEqualTo(1000);
        for (int i = 0; i < 1000; i++) {
            detector.observe(TestEvent.at(T0.plusSeconds(60_000 + i), "user", "one", "src", "10." + (i / 250) + "."
                    + (i % 250) + ".1"));
        }
        assertThat(detector.entityCount()).isEqualTo(1000);
        // the snapshot grows with the caps, not with the flood
        assertThat(BaselineSnapshots.save(detector).length).isLessThan(1000 * 100);
    }

    @Test
    void stateSurvivesARestart() throws IOException {
        NewTermsDetector before = new NewTermsDetector(config(0.2, 256, 100));
        history(before, 14);
        byte[] snapshot = BaselineSnapshots.save(before);
        NewTermsDetector after = new NewTermsDetector(config(0.2, 256, 100));
        BaselineSnapshots.restore(after, snapshot);
        assertThat(after.entityCount()).isEqualTo(1);
        assertThat(BaselineSnapshots.save(after)).isEqualTo(snapshot);
        TestEvent known = TestEvent.at(T0.plus(Duration.ofDays(15)), "user", "alice", "src", "10.0.0.99");
        TestEvent unknown = TestEvent.at(T0.plus(Duration.ofDays(15)), "user", "alice", "src", "203.0.113.9");
        assertThat(after.observe(known)).isEmpty();
        assertThat(after.observe(unknown)).hasSize(1);
    }

    @Test
    void snapshotsOfAnotherKindOrVersionAreRefused() {
        byte[] snapshot = BaselineSnapshots.save(new NewTermsDetector(config(0.2, 256, 100)));
        assertThatThrownBy(() -> BaselineSnapshots.restore(new RarityDetector(
                RarityConfig.of("r", List.of("user"), "src", TermTransform.VALUE)), snapshot))
                .isInstanceOf(IOException.class).hasMessageContaining("new_terms");
        snapshot[5] = 9;
        assertThatThrownBy(() -> BaselineSnapshots.restore(new NewTermsDetector(config(0.2, 256, 100)), snapshot))
                .isInstanceOf(IOException.class).hasMessageContaining("version 9");
    }
}
