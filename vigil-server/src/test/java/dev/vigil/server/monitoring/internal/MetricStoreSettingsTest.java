package dev.vigil.server.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.vigil.server.platform.config.InvalidSettingException;
import dev.vigil.server.platform.config.VigilProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The metric store's settings become store options, or stop the start naming the key. */
class MetricStoreSettingsTest {

    @Test
    void validSettingsBecomeOptions() {
        var options = MetricStore.options(new VigilProperties.Monitoring(Duration.ofDays(15), DataSize.ofGigabytes(5), ""));
        assertThat(options.retention()).isEqualTo(Duration.ofDays(15));
        assertThat(options.retentionBytes()).isEqualTo(5L << 30);
        assertThat(options.blockRange()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aRetentionBelowOneBlockOrANegativeSizeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> MetricStore.options(new VigilProperties.Monitoring(Duration.ofMinutes(30), DataSize.ofBytes(0), "")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("vigil.monitoring.retention").hasMessageContaining("2h");
        assertThatThrownBy(() -> MetricStore.options(new VigilProperties.Monitoring(Duration.ofDays(1), DataSize.ofBytes(-1), "")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("vigil.monitoring.retention-max-size");
    }
}
