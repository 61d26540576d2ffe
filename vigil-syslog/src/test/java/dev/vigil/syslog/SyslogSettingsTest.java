package dev.vigil.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyslogSettingsTest {

    @Test
    void defaultsListenNowhereWithTheDocumentedLimits() {
        SyslogSettings settings = SyslogSettings.defaults();

        assertThat(settings.bindAddress().isAnyLocalAddress()).isTrue();
        assertThat(settings.udpPort()).isEqualTo(SyslogSettings.OFF);
        assertThat(settings.tcpPort()).isEqualTo(SyslogSettings.OFF);
        assertThat(settings.tlsPort()).isEqualTo(SyslogSettings.OFF);
        assertThat(settings.maxMessageBytes()).isEqualTo(64 * 1024);
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void rejectsPortsOutOfRange() {
        assertThatThrownBy(() -> SyslogSettings.defaults().withUdpPort(65536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("udpPort");
        assertThatThrownBy(() -> SyslogSettings.defaults().withTcpPort(-2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcpPort");
    }

    @Test
    void requiresTlsSettingsForTheTlsListener() {
        assertThatThrownBy(() -> SyslogSettings.defaults().withTls(6514, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("certificate");
    }

    @Test
    void rejectsLimitsThatCannotWork() {
        SyslogSettings settings = SyslogSettings.defaults();
        assertThatThrownBy(() -> settings.withMaxMessageBytes(0)).hasMessageContaining("maxMessageBytes");
        assertThatThrownBy(() -> settings.withMaxConnections(0)).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> settings.withReadBatchSize(0)).hasMessageContaining("readBatchSize");
        assertThatThrownBy(() -> settings.withIdleTimeout(Duration.ofSeconds(-1))).hasMessageContaining("idleTimeout");
    }
}
