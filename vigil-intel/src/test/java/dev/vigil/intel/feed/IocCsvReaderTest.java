package dev.vigil.intel.feed;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;
import dev.vigil.intel.match.IndicatorIndex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IocCsvReaderTest {

    @TempDir
    Path dir;

    private Path write(String content) throws Exception {
        Path file = dir.resolve("iocs.csv");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void readsTheIocsCsvLayoutWithQuotedValues() throws Exception {
        Path file = write("""
                id,type,value,source,confidence
                i-1,ipv4,198.51.100.1,feed-a,90
                # a comment line
                i-2,url,"http://evil.test/a?x=1,2",feed-b,
                i-3,domain,evil[.]test,feed-c,75
                """);
        List<Indicator> read = new ArrayList<>();
        List<FeedProblem> problems = new IocCsvReader().read(file, read::add);
        assertThat(problems).isEmpty();
        assertThat(read).extracting(Indicator::id).containsExactly("i-1", "i-2", "i-3");
        assertThat(read.get(1).value()).isEqualTo("http://evil.test/a?x=1,2");
        assertThat(read.get(1).confidence()).isEqualTo(Indicator.UNKNOWN_CONFIDENCE);
        assertThat(read.get(2).type()).isEqualTo(IndicatorType.DOMAIN);
    }

    @Test
    void readsOptionalLifecycleColumns() throws Exception {
        Path file = write("""
                id,type,value,source,confidence,first_seen,last_seen,expiry
                i-1,sha256,%s,feed,50,2025-01-01,2025-02-01 10:00:00 UTC,2026-01-01T00:00:00Z
                """.formatted("ab".repeat(32)));
        List<Indicator> read = new ArrayList<>();
        new IocCsvReader().read(file, read::add);
        assertThat(read.getFirst().firstSeen()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(read.getFirst().lastSeen()).isEqualTo(Instant.parse("2025-02-01T10:00:00Z"));
        assertThat(read.getFirst().validUntil()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void skipsBadRowsAndNamesTheirLines() throws Exception {
        Path file = write("""
                id,type,value,source,confidence
                i-1,ipv4,198.51.100.1,feed,90
                i-2,carrier-pigeon,coo,feed,90
                i-3,ipv4,999.1.1.1,feed,90
                i-4,ipv4,198.51.100.4,feed,lots
                i-5,ipv4,198.51.100.5,feed,90
                """);
        IndicatorIndex.Builder builder = IndicatorIndex.builder();
        List<FeedProblem> problems = new IocCsvReader().read(file, builder::add);
        assertThat(problems).extracting(FeedProblem::line).containsExactly(3L, 4L, 5L);
        assertThat(problems.get(0).reason()).contains("unknown indicator type 'carrier-pigeon'");
        assertThat(problems.get(1).reason()).contains("999.1.1.1");
        assertThat(problems.get(2).reason()).contains("confidence");
        assertThat(problems.get(0).toString()).startsWith(file + ":3: ");
        assertThat(builder.build().size()).isEqualTo(2);
    }

    @Test
    void rejectsAFileWithoutTheRequiredColumns() throws Exception {
        Path file = write("indicator,kind\n198.51.100.1,ipv4\n");
        assertThatThrownBy(() -> new IocCsvReader().read(file, indicator -> { }))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining(file + ":1:")
                .hasMessageContaining("'id'");
    }

    @Test
    void rejectsMissingFilesAndUnterminatedQuotesWithThePlace() throws Exception {
        assertThatThrownBy(() -> new IocCsvReader().read(dir.resolve("absent.csv"), indicator -> { }))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("absent.csv");
        Path file = write("id,type,value\ni-1,url,\"http://evil.test/\n");
        assertThatThrownBy(() -> new IocCsvReader().read(file, indicator -> { }))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining(file.toString());
    }

    @Test
    void parsesFeedTimestampSpellings() {
        assertThat(FeedTimestamps.parse("2024-05-01 12:00:00 UTC")).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(FeedTimestamps.parse("2024-05-01T12:00:00+02:00")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(FeedTimestamps.parse("2024-05-01T12:00:00")).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(FeedTimestamps.parse("1700000000")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(FeedTimestamps.parse("1700000000123")).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThatThrownBy(() -> FeedTimestamps.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");
    }
}
