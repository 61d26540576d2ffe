package dev.vigil.vuln.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {

    @TempDir
    Path temp;

    @Test
    void dryRunPrintsTheFindingCount() {
        Path file = Corpus.require("trivy").resolve("trivy-goldens/alpine-310.json");
        CommandRunner result = CommandRunner.run(new ImportCommand(), file.toString(), "--dry-run");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("findings: 4" + System.lineSeparator());
    }

    @Test
    void dryRunOnAnEmptyButValidReportPrintsZero() throws Exception {
        Path file = Files.writeString(temp.resolve("empty.sarif"), "{\"version\": \"2.1.0\", \"runs\": []}");
        CommandRunner result = CommandRunner.run(new ImportCommand(), "--dry-run", file.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("findings: 0");
    }

    @Test
    void malformedFileExitsTwoNamingFileAndPlace() throws Exception {
        Path file = Files.writeString(temp.resolve("broken.json"), "{\"SchemaVersion\": 2,\n\"Results\": [\n{]}");
        CommandRunner result = CommandRunner.run(new ImportCommand(), file.toString(), "--dry-run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: " + file + " at line 3, column");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void withoutDryRunAServerAndTokenAreNeeded() throws Exception {
        Path file = Files.writeString(temp.resolve("r.sarif"), "{\"version\": \"2.1.0\", \"runs\": []}");
        CommandRunner result = CommandRunner.run(new ImportCommand(), file.toString(), "--server", "https://vigil.example");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: give --server URL and --token T to upload, or --dry-run to only parse");
    }

    @Test
    void aMalformedReportIsNeverSent() throws Exception {
        Path file = Files.writeString(temp.resolve("broken.json"), "{\"SchemaVersion\": 2,\n\"Results\": [\n{]}");
        // the port is closed: reaching the network would fail differently
        CommandRunner result = CommandRunner.run(new ImportCommand(), file.toString(), "--server", "http://127.0.0.1:9",
                "--token", "t");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: " + file + " at line 3, column");
    }

    @Test
    void anUnreachableServerExitsTwo() throws Exception {
        Path file = Files.writeString(temp.resolve("r.sarif"), "{\"version\": \"2.1.0\", \"runs\": []}");
        CommandRunner result = CommandRunner.run(new ImportCommand(), file.toString(), "--server", "http://127.0.0.1:9",
                "--token", "t");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: cannot upload to http://127.0.0.1:9");
    }

    @Test
    void missingFileExitsTwo() {
        CommandRunner result = CommandRunner.run(new ImportCommand(), temp.resolve("nope.json").toString(), "--dry-run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no such file");
    }
}
