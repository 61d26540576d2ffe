package dev.vigil.vuln.catalog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import dev.vigil.testkit.Corpus;
import dev.vigil.vuln.parse.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EpssReaderTest {

    @Test
    void currentLayoutWithModelLine() throws Exception {
        EpssCatalog catalog = EpssReader.read(Corpus.require("epss").resolve("epss_scores-2025-06-18.sample.csv"));
        assertThat(catalog.size()).isEqualTo(11);
        assertThat(catalog.modelVersion()).isEqualTo("v2025.03.14");
        assertThat(catalog.scoreDate()).isEqualTo("2025-06-18T00:00:00Z");
        EpssScore busybox = catalog.find("CVE-2022-28391").orElseThrow();
        assertThat(busybox.epss()).isEqualByComparingTo("0.07190");
        assertThat(busybox.percentile()).isEqualByComparingTo("0.91123");
    }

    @Test
    void allLayoutsOfTheSameDayAgree() throws Exception {
        Path folder = Corpus.require("epss");
        EpssCatalog current = EpssReader.read(folder.resolve("epss_scores-2025-06-18.sample.csv"));
        EpssCatalog v3 = EpssReader.read(folder.resolve("variants/epss_v3_layout.sample.csv"));
        EpssCatalog api = EpssReader.read(folder.resolve("variants/epss_api_like.sample.json"));
        EpssCatalog layout2021 = EpssReader.read(folder.resolve("variants/epss_2021_layout.sample.csv"));
        assertThat(v3.scoreDate()).isEqualTo("2025-06-18T00:00:00+0000");
        assertThat(api.scoreDate()).isEqualTo("2025-06-18");
        assertThat(layout2021.modelVersion()).isNull();
        for (EpssScore score : current.scores()) {
            for (EpssCatalog other : List.of(v3, api, layout2021)) {
                EpssScore same = other.find(score.cveId()).orElseThrow();
                assertThat(same.epss()).isEqualByComparingTo(score.epss());
            }
            assertThat(v3.find(score.cveId()).orElseThrow().percentile()).isEqualByComparingTo(score.percentile());
            assertThat(api.find(score.cveId()).orElseThrow().percentile()).isEqualByComparingTo(score.percentile());
            assertThat(layout2021.find(score.cveId()).orElseThrow().percentile()).isNull();
        }
        assertThat(List.of(v3.size(), api.size(), layout2021.size())).containsOnly(11);
    }

    @Test
    void bareJsonListAsGrypeProcessesIt() throws Exception {
        EpssCatalog catalog = EpssReader.read(Corpus.require("epss").resolve("grype-processor-testdata-epss.json"));
        assertThat(catalog.size()).isEqualTo(2);
        assertThat(catalog.find("CVE-2025-0108").orElseThrow().epss()).isEqualByComparingTo("0.328");
    }

    @Test
    void gzipCompressedDailyFile(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("#model_version:v2025.03.14,score_date:2025-06-18T00:00:00Z\ncve,epss,percentile\nCVE-2024-0001,0.5,0.99\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.write(temp.resolve("epss_scores-2025-06-18.csv.gz"), bytes.toByteArray());
        assertThat(EpssReader.read(file).find("CVE-2024-0001")).isPresent();
    }

    @Test
    void highestPicksTheMaxScoreWithItsOwnPercentile() {
        EpssCatalog catalog = new EpssCatalog(null, null, List.of(
                new EpssScore("CVE-2024-0001", new java.math.BigDecimal("0.2"), new java.math.BigDecimal("0.95")),
                new EpssScore("CVE-2024-0002", new java.math.BigDecimal("0.3"), new java.math.BigDecimal("0.90"))));
        EpssScore highest = catalog.highest(List.of("CVE-2024-0001", "CVE-2024-0002", "CVE-2024-9999")).orElseThrow();
        assertThat(highest.cveId()).isEqualTo("CVE-2024-0002");
        assertThat(highest.percentile()).isEqualByComparingTo("0.90");
        assertThat(catalog.highest(List.of("CVE-2000-0001"))).isEmpty();
    }

    @Test
    void outOfRangeOrMalformedValuesNameTheLine() {
        assertThatThrownBy(() -> EpssReader.read("e.csv", "#model_version:v1,score_date:x\ncve,epss,percentile\nCVE-2024-0001,1.5,0.2\n"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("e.csv at line 3: epss '1.5' is not a number between 0 and 1");
        assertThatThrownBy(() -> EpssReader.read("e.json", "{\"data\": [{\"cve\": \"CVE-2024-0001\", \"epss\": \"x\"}]}"
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessage("e.json at /data/0: epss 'x' is not a number between 0 and 1");
        assertThatThrownBy(() -> EpssReader.read("e.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}))
                .hasMessageContaining("corrupt gzip data");
    }
}
