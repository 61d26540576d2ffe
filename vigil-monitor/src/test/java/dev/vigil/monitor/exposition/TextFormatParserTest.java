package dev.vigil.monitor.exposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.monitor.promql.model.Labels;

class TextFormatParserTest {

    @Test
    void readsNodeExporterStyleOutput() {
        List<ScrapedSample> samples = TextFormatParser.parse("""
                # HELP node_load1 1m load average.
                # TYPE node_load1 gauge
                node_load1 0.52
                node_filesystem_avail_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/"} 1.2e+10
                node_weird{path="a \\"quoted\\" \\\\ back\\nslash",} NaN 1700000000000
                node_inf +Inf
                node_neg{ a = "x" } -Inf
                """);
        assertThat(samples).hasSize(5);
        assertThat(samples.get(0)).isEqualTo(new ScrapedSample(Labels.of("__name__", "node_load1"), 0.52, -1));
        assertThat(samples.get(1).labels().get("mountpoint")).isEqualTo("/");
        assertThat(samples.get(1).value()).isEqualTo(1.2e10);
        assertThat(samples.get(2).labels().get("path")).isEqualTo("a \"quoted\" \\ back\nslash");
        assertThat(samples.get(2).value()).isNaN();
        assertThat(samples.get(2).timestampMs()).isEqualTo(1_700_000_000_000L);
        assertThat(samples.get(3).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(samples.get(4).labels().get("a")).isEqualTo("x");
    }

    @Test
    void refusesBrokenLinesNamingTheLine() {
        assertThatThrownBy(() -> TextFormatParser.parse("ok 1\nbad{x=\"1\" 2\n")).isInstanceOf(ExpositionException.class)
                .hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> TextFormatParser.parse("x abc")).hasMessageContaining("invalid value");
        assertThatThrownBy(() -> TextFormatParser.parse("x 1 2 3")).hasMessageContaining("unexpected text");
        assertThatThrownBy(() -> TextFormatParser.parse("x{a=\"1\"} 1\nx{a=\"1\"} 2")).hasMessageContaining("duplicate series");
        assertThatThrownBy(() -> TextFormatParser.parse("x{a=\"1\\q\"} 1")).hasMessageContaining("invalid escape");
    }
}
