package dev.vigil.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpoolSettingsTest {

    @Test
    void theDefaultsAre64MiBSegmentsA1GiBHighWaterMarkAnd1MiBEvents() {
        assertThat(SpoolSettings.defaults()).isEqualTo(new SpoolSettings(64L << 20, 1L << 30, 1L << 20));
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new SpoolSettings(1000, 1L << 30, 1 << 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spool segmentBytes must be between 4096 and 1073741824 bytes, was 1000");
        assertThatThrownBy(() -> new SpoolSettings(2L << 30, 1L << 30, 1 << 20))
                .hasMessageContaining("segmentBytes");
        assertThatThrownBy(() -> new SpoolSettings(1 << 20, 0, 1 << 20))
                .hasMessage("spool highWaterMarkBytes must be positive, was 0");
        assertThatThrownBy(() -> new SpoolSettings(1 << 20, 1L << 30, 0))
                .hasMessage("spool maxEventBytes must be between 1 and 268435456 bytes, was 0");
        assertThatThrownBy(() -> new SpoolSettings(1 << 20, 1L << 30, 1L << 30))
                .hasMessageContaining("maxEventBytes");
    }
}
