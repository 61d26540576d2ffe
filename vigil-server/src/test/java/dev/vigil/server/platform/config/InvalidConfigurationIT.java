package dev.vigil.server.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.server.VigilMain;
import dev.vigil.server.support.TestDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** `vigil serve` with an unusable setting stops at once, exit code 1, with a message naming the key. */
@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationIT {

    static Stream<Arguments> invalidFlags() {
        return Stream.of(
                Arguments.of(List.of("--port", "abc"), "vigil.http.port"),
                Arguments.of(List.of("--port", "70000"), "vigil.http.port"),
                Arguments.of(List.of("--log-format", "xml"), "vigil.log.format"),
                Arguments.of(List.of("--database-url", "mysql://x"), "vigil.database.url"),
                Arguments.of(List.of("--syslog-port", "70000"), "vigil.ingest.syslog-udp-port"));
    }

    @ParameterizedTest
    @MethodSource("invalidFlags")
    void serveRefusesAnInvalidFlag(List<String> flags, String key, CapturedOutput output) {
        List<String> args = new ArrayList<>(List.of("serve", "--data-dir", TestDirs.fresh("invalid").toString()));
        args.addAll(flags);
        int exit = VigilMain.commandLine().execute(args.toArray(String[]::new));
        assertThat(exit).isEqualTo(1);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(key).contains(flags.get(1))
                .doesNotContain("\tat org.springframework");
    }

    @Test
    void sessionAbsoluteTimeoutShorterThanIdleIsRefused(CapturedOutput output) throws IOException {
        Path dataDir = TestDirs.fresh("invalid-timeouts");
        Path config = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + ".yml"), """
                vigil:
                  http:
                    port: 0
                  security:
                    session-idle-timeout: 30m
                    session-absolute-timeout: 10m
                """);
        int exit = VigilMain.commandLine().execute("serve", "--config", config.toString(), "--data-dir", dataDir.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("invalid configuration vigil.security.session-absolute-timeout")
                .contains("must not be shorter than vigil.security.session-idle-timeout")
                .contains("Correct vigil.security.session-absolute-timeout (see `vigil config`)");
        assertThat(dataDir.resolve("pg").resolve("postmaster.pid")).as("no database left running").doesNotExist();
    }

    @Test
    void aBastionReviewTimeoutOutsideItsRangeIsRefused(CapturedOutput output) throws IOException {
        Path dataDir = TestDirs.fresh("invalid-review-timeout");
        Path config = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + ".yml"), """
                vigil:
                  http:
                    port: 0
                  access:
                    review-timeout: 2s
                """);
        int exit = VigilMain.commandLine().execute("serve", "--config", config.toString(), "--data-dir", dataDir.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(output.getAll()).contains("invalid configuration vigil.access.review-timeout").contains("must be between 5s and 24h");
    }

    @Test
    void aKexKeyMaxAgeOutsideItsRangeIsRefused(CapturedOutput output) throws IOException {
        Path dataDir = TestDirs.fresh("invalid-kex-key-max-age");
        Path config = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + ".yml"), """
                vigil:
                  http:
                    port: 0
                  access:
                    kex-key-max-age: 2h
                """);
        int exit = VigilMain.commandLine().execute("serve", "--config", config.toString(), "--data-dir", dataDir.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(output.getAll()).contains("invalid configuration vigil.access.kex-key-max-age").contains("must be between 1s and 1h");
    }

    @Test
    void aMissingConfigurationFileIsRefused(CapturedOutput output) {
        int exit = VigilMain.commandLine().execute("serve", "--config", "/no/such/vigil.yml");
        assertThat(exit).isNotZero();
        assertThat(output.getAll()).contains("--config").contains("/no/such/vigil.yml");
    }
}
