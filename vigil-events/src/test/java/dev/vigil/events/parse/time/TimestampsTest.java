package dev.vigil.events.parse.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @ParameterizedTest
    @CsvSource({
        "2026-03-29T10:00:00Z, 2026-03-29T10:00:00Z",
        "2026-03-29t10:00:00z, 2026-03-29T10:00:00Z",
        "2026-03-29T10:00:00.123456789+02:00, 2026-03-29T08:00:00.123456789Z",
        "2026-03-29T10:00:00.1234567891234-0130, 2026-03-29T11:30:00.123456789Z",
        "'2026-03-29 10:00:00,5+0000', 2026-03-29T10:00:00.5Z",
        "2026-03-29T10:00+01, 2026-03-29T09:00:00Z",
        "2026-03-29T10:00:00, 2026-03-29T10:00:00Z",
        "2016-12-31T23:59:60Z, 2016-12-31T23:59:59Z",
        "2024-02-29T00:00:00Z, 2024-02-29T00:00:00Z"})
    void isoTimestamps(String text, String expected) {
        assertThat(IsoTimestamps.parse(text, UTC)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-03-29T24:00:00Z", "2026-03-29T10:00:00+25:00", "2026-03-29", "2026-03-29T10:00:00.Z", "tomorrow",
        "2026-03-29T10:00:00Zjunk", "0000-01-01T00:00:00Z"})
    void notIsoTimestamps(String text) {
        assertThat(IsoTimestamps.parse(text, UTC)).isNull();
    }

    @Test
    void isoTimestampWithoutOffsetTakesTheZoneWithItsDaylightSavingTime() {
        assertThat(IsoTimestamps.parse("2026-07-01T12:00:00", ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
        "'Mar 27 13:06:56', 2026-03-27T13:06:56Z",
        "'Mar  7 13:06:56', 2026-03-07T13:06:56Z",
        "'Mar 7 13:06:56', 2026-03-07T13:06:56Z",
        "'mar 07 13:06:56.250', 2026-03-07T13:06:56.250Z",
        "'Apr 29 23:00:00', 2026-04-29T23:00:00Z",
        "'Apr 30 23:00:00', 2025-04-30T23:00:00Z",
        "'May 01 00:00:00', 2025-05-01T00:00:00Z",
        "'Dec 31 23:59:59', 2025-12-31T23:59:59Z",
        "'Mar 29 2019 10:11:12', 2019-03-29T10:11:12Z"})
    void bsdTimestampsChooseTheYearFromTheReceiveTime(String text, String expected) {
        TimestampMatch match = BsdTimestamps.parseAt(text, 0, Instant.parse("2026-03-30T12:00:00Z"), UTC);

        assertThat(match.instant()).isEqualTo(Instant.parse(expected));
        assertThat(match.end()).isEqualTo(text.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Foo 27 13:06:56", "Mar 32 13:06:56", "Mar 27 25:00:00", "Mar 27 13:06", "Mar27 13:06:56",
        "Feb 30 10:00:00", "Mar 0 10:00:00"})
    void notBsdTimestamps(String text) {
        assertThat(BsdTimestamps.parseAt(text, 0, Instant.parse("2026-03-30T12:00:00Z"), UTC)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "10/Oct/2000:13:55:36 -0700, 2000-10-10T20:55:36Z",
        "29/Feb/2024:00:00:00 +0000, 2024-02-29T00:00:00Z",
        "01/Jan/2026:05:30:00 +0530, 2026-01-01T00:00:00Z"})
    void commonLogTimestamps(String text, String expected) {
        assertThat(CommonLogTimestamps.parse(text).instant()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"29/Feb/2025:00:00:00 +0000", "10/Oct/2000:13:55:36", "10/Oct/2000 13:55:36 -0700",
        "10/Xyz/2000:13:55:36 -0700", "10/Oct/2000:13:55:36 *0700"})
    void notCommonLogTimestamps(String text) {
        assertThat(CommonLogTimestamps.parse(text)).isNull();
    }

    @Test
    void epochNumbersByMagnitude() {
        assertThat(EpochTimestamps.fromLong(1_774_778_400L)).isEqualTo(Instant.parse("2026-03-29T10:00:00Z"));
        assertThat(EpochTimestamps.fromLong(1_774_778_400_123L)).isEqualTo(Instant.parse("2026-03-29T10:00:00.123Z"));
        assertThat(EpochTimestamps.fromLong(1_774_778_400_123_456L))
                .isEqualTo(Instant.parse("2026-03-29T10:00:00.123456Z"));
        assertThat(EpochTimestamps.fromLong(1_774_778_400_123_456_789L))
                .isEqualTo(Instant.parse("2026-03-29T10:00:00.123456789Z"));
        assertThat(EpochTimestamps.fromNumber(1_774_778_400.25)).isEqualTo(Instant.parse("2026-03-29T10:00:00.25Z"));
        assertThat(EpochTimestamps.fromNumber(-1L)).isNull();
        assertThat(EpochTimestamps.fromNumber(Double.NaN)).isNull();
        assertThat(EpochTimestamps.fromNumber("1774778400")).isNull();
    }
}
