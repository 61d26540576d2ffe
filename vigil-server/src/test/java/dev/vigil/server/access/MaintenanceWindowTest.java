package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Maintenance windows: open from the start up to (not including) the end, in their own zone, also across midnight. */
class MaintenanceWindowTest {

    @Test
    void aWindowWithinOneDayIsOpenFromItsStartUntilItsEndInItsZone() {
        MaintenanceWindow window = new MaintenanceWindow(LocalTime.of(2, 0), LocalTime.of(4, 0), ZoneId.of("Europe/Berlin"));
        assertThat(window.isOpen(Instant.parse("2026-01-15T00:59:00Z"))).isFalse();
        assertThat(window.isOpen(Instant.parse("2026-01-15T01:00:00Z"))).isTrue();
        assertThat(window.isOpen(Instant.parse("2026-01-15T02:59:00Z"))).isTrue();
        assertThat(window.isOpen(Instant.parse("2026-01-15T03:00:00Z"))).isFalse();
        assertThat(window.isOpen(Instant.parse("2026-07-15T00:30:00Z"))).isTrue();
    }

    @Test
    void aWindowEndingBeforeItStartsSpansMidnight() {
        MaintenanceWindow window = new MaintenanceWindow(LocalTime.of(23, 0), LocalTime.of(1, 0), ZoneId.of("UTC"));
        assertThat(window.isOpen(Instant.parse("2026-01-15T23:30:00Z"))).isTrue();
        assertThat(window.isOpen(Instant.parse("2026-01-16T00:30:00Z"))).isTrue();
        assertThat(window.isOpen(Instant.parse("2026-01-16T01:00:00Z"))).isFalse();
        assertThat(window.isOpen(Instant.parse("2026-01-15T12:00:00Z"))).isFalse();
    }
}
