package dev.vigil.detect.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VolumeDetectorTest {

    /** a Monday */
    private static final Instant T0 = Instant.parse("2026-02-02T00:00:00Z");

    private static VolumeConfig config(double threshold, int warmupHours, int maxEntities) {
        return new VolumeConfig("bytes-per-host", List.of("host"), "bytes", ZoneOffset.UTC, 4, 14, warmupHours, 2,
                threshold, 0.1, 1, 0, maxEntities);
    }

    /** Three weeks of office traffic: 1000 bytes in each working hour (Monday to Friday, 9 to 17), nothing else. */
    private static List<Finding> officeWeeks(VolumeDetector detector, String host, int weeks) {
        List<Finding> findings = new ArrayList<>();
        for (int hour = 0; hour < weeks * 168; hour++) {
            Instant time = T0.plus(Duration.ofHours(hour));
            ZonedDateTime local = time.atZone(ZoneOffset.UTC);
            boolean working = local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 9 && local.getHour() < 17;
            if (working) {
                findings.addAll(detector.observe(TestEvent.at(time.plusSeconds(600), "host", host, "bytes", "400")));
                findings.addAll(detector.observe(TestEvent.at(time.plusSeconds(1800), "host", host, "bytes", "600")));
            }
        }
        return findings;
    }

    private static Instant inWeek(int week, DayOfWeek day, int hour) {
        return T0.plus(Duration.ofDays(7L * week + day.getValue() - 1)).plus(Duration.ofHours(hour)).plusSeconds(900);
    }

    @Test
    void theSameVolumeIsNormalOnMondayMorningAndAnomalousEarlySunday() {
        VolumeDetector detector = new VolumeDetector(config(6, 168, 100));
        assertThat(officeWeeks(detector, "h1", 3)).isEmpty();
        assertThat(detector.observe(TestEvent.at(inWeek(3, DayOfWeek.MONDAY, 11), "host", "h1", "bytes", "1000")))
                .isEmpty();
        List<Finding> sunday = detector.observe(
                TestEvent.at(inWeek(3, DayOfWeek.SUNDAY, 3), "host", "h1", "bytes", "1000"));
        assertThat(sunday).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo("host=h1");
            assertThat(f.seen()).isEqualTo("1000 bytes in the Sunday 03:00 UTC hour starting 2026-03-01T03:00:00Z");
            assertThat(f.expected()).isEqualTo("about 0 (median of the last 3 Sundays 03:00, scale 100)");
            assertThat(f.score()).isEqualTo(10.0);
            assertThat(f.since()).isEqualTo(Instant.parse("2026-02-02T09:00:00Z"));
        });
        // reported once per hour
        assertThat(detector.observe(TestEvent.at(inWeek(3, DayOfWeek.SUNDAY, 3).plusSeconds(60), "host", "h1",
                "bytes", "5000"))).isEmpty();
    }

    @Test
    void aSpikeInAWorkingHourIsReportedAsSoonAsItCrossesTheThreshold() {
        VolumeDetector detector = new VolumeDetector(config(6, 168, 100));
        officeWeeks(detector, "h1", 3);
        Instant monday = inWeek(3, DayOfWeek.MONDAY, 10);
        assertThat(detector.observe(TestEvent.at(monday, "host", "h1", "bytes", "1500"))).isEmpty();
        // median 1000, scale 0.1 * 1000 = 100: the limit is 1600
        assertThat(detector.observe(TestEvent.at(monday.plusSeconds(5), "host", "h1", "bytes", "99"))).isEmpty();
        assertThat(detector.observe(TestEvent.at(monday.plusSeconds(9), "host", "h1", "bytes", "1"))).hasSize(1);
    }

    @Test
    void sensitivityChangesTheOutcome() {
        VolumeDetector sensitive = new VolumeDetector(config(5, 168, 100));
        VolumeDetector tolerant = new VolumeDetector(config(20, 168, 100));
        officeWeeks(sensitive, "h1", 3);
        officeWeeks(tolerant, "h1", 3);
        TestEvent night = TestEvent.at(inWeek(3, DayOfWeek.WEDNESDAY, 2), "host", "h1", "bytes", "800");
        assertThat(sensitive.observe(night)).hasSize(1);
        assertThat(tolerant.observe(night)).isEmpty();
    }

    @Test
    void noFindingDuringWarmUp() {
        VolumeDetector detector = new VolumeDetector(config(6, 24 * 21, 100));
        officeWeeks(detector, "h1", 2);
        assertThat(detector.observe(TestEvent.at(inWeek(2, DayOfWeek.SUNDAY, 3), "host", "h1", "bytes", "1000000")))
                .isEmpty();
    }

    @Test
    void medianAndMadResistAnEarlierSpike() {
        VolumeDetector detector = new VolumeDetector(config(6, 168, 100));
        officeWeeks(detector, "h1", 3);
        // a huge spike on Wednesday 10:00 of week 3 enters the history ...
        detector.observe(TestEvent.at(inWeek(3, DayOfWeek.WEDNESDAY, 10), "host", "h1", "bytes", "1000000"));
        // ... and the next Wednesday's spike is still reported (a mean and standard deviation would have absorbed it)
        officeWeeks(detector, "h2", 0);
        assertThat(detector.observe(TestEvent.at(inWeek(4, DayOfWeek.WEDNESDAY, 10), "host", "h1", "bytes",
                "1000000"))).hasSize(1);
    }

    @Test
    void eventCountsWorkWithoutAValueField() {
        VolumeDetector detector = new VolumeDetector(new VolumeConfig("failed-logins", List.of("host"), null,
                ZoneOffset.UTC, 4, 14, 168, 2, 6, 0.1, 1, 0, 100));
        for (int hour = 0; hour < 24 * 14; hour++) {
            detector.observe(TestEvent.at(T0.plus(Duration.ofHours(hour)), "host", "srv"));
        }
        Instant burst = T0.plus(Duration.ofDays(14)).plus(Duration.ofHours(5));
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            findings.addAll(detector.observe(TestEvent.at(burst.plusSeconds(i), "host", "srv")));
        }
        // one event an hour is usual; scale max(0, 0.1, 1) = 1, so the 7th event of the hour crosses 1 + 6
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.seen()).startsWith("7 events in the"));
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfEntities() {
        VolumeDetector detector = new VolumeDetector(config(6, 168, 200));
        for (int i = 0; i < 20_000; i++) {
            detector.observe(TestEvent.at(T0.plusSeconds(i), "host", "h" + i, "bytes", "10"));
        }
        assertThat(detector.entityCount()).isEqualTo(200);
        assertThat(BaselineSnapshots.save(detector).length).isLessThan(200 * 4_400);
    }

    @Test
    void stateSurvivesARestart() throws IOException {
        VolumeDetector before = new VolumeDetector(config(6, 168, 100));
        officeWeeks(before, "h1", 3);
        byte[] snapshot = BaselineSnapshots.save(before);
        VolumeDetector after = new VolumeDetector(config(6, 168, 100));
        BaselineSnapshots.restore(after, snapshot);
        assertThat(BaselineSnapshots.save(after)).isEqualTo(snapshot);
        TestEvent sunday = TestEvent.at(inWeek(3, DayOfWeek.SUNDAY, 3), "host", "h1", "bytes", "1000");
        assertThat(after.observe(sunday)).isEqualTo(before.observe(sunday)).hasSize(1);
    }
}
