package dev.vigil.monitor.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.monitor.promql.model.Point;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SeriesNotationTest {

    private static List<Double> values(String notation) {
        return SeriesNotation.expand(notation, 0, 60_000).stream().map(Point::value).toList();
    }

    @Test
    void expandsPromtoolNotation() {
        assertThat(values("0+10x5")).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0);
        assertThat(values("149-0.5x2")).containsExactly(149.0, 148.5, 148.0);
        assertThat(values("1x2 -2+1x1")).containsExactly(1.0, 1.0, 1.0, -2.0, -1.0);
        assertThat(values("500x4 50x30 500x25")).hasSize(5 + 31 + 26);
    }

    @Test
    void missingAndStaleSamplesKeepTheirSlots() {
        List<Point> points = SeriesNotation.expand("90 _ _x2 90 stale", 0, 60_000);
        assertThat(points).extracting(Point::timestampMs).containsExactly(0L, 240_000L, 300_000L);
        assertThat(points.getLast().stale()).isTrue();
    }

    @Test
    void rejectsGarbageWithTheItem() {
        assertThatThrownBy(() -> SeriesNotation.expand("1 2x 3", 0, 1000)).hasMessageContaining("\"2x\"");
        assertThatThrownBy(() -> SeriesNotation.expand("1x99999999999", 0, 1000)).hasMessageContaining("too many");
    }

    @Property(tries = 200)
    void countsFollowTheNotation(@ForAll @IntRange(min = 0, max = 500) int n, @ForAll @IntRange(min = -50, max = 50) int step) {
        List<Double> v = values("7" + (step >= 0 ? "+" : "") + step + "x" + n);
        assertThat(v).hasSize(n + 1);
        assertThat(v.getLast()).isEqualTo(7.0 + (double) step * n);
    }

    @Property(tries = 400)
    void arbitraryTextEitherExpandsOrIsRejectedCleanly(@ForAll String text) {
        try {
            SeriesNotation.expand(text, 0, 1000);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
