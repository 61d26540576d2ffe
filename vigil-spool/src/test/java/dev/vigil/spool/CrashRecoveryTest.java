package dev.vigil.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.events.RawEvent;
import dev.vigil.events.SpooledEvent;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process appending from several threads is killed (SIGKILL) at random moments; what it acknowledged survives. */
class CrashRecoveryTest {

    private static final int ROUNDS = 4;
    private static final Pattern ACK = Pattern.compile("ack (\\d+) (\\d+) (\\d+) (\\d+) end");

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventSurvivesAKillExactlyOnce() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path spoolDir = dir.resolve("spool");
        Map<Long, RawEvent> acknowledged = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 1 + random.nextInt(400);
            Path stderr = dir.resolve("child-" + round + ".err");
            Process child = ChildJvm.start(stderr, "append", spoolDir.toString(), String.valueOf(round), "4");
            int acks = 0;
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher ack = ACK.matcher(line);
                    if (!ack.matches()) {
                        continue;
                    }
                    List<RawEvent> batch = SpoolChildProcess.batch(Integer.parseInt(ack.group(1)),
                            Integer.parseInt(ack.group(2)), Integer.parseInt(ack.group(3)));
                    long first = Long.parseLong(ack.group(4)) - batch.size() + 1;
                    for (int i = 0; i < batch.size(); i++) {
                        assertThat(acknowledged.put(first + i, batch.get(i))).as("sequence acknowledged twice")
                                .isNull();
                    }
                    if (++acks == killAfter) {
                        // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe
                        // and lose acknowledgements still in it
                        child.toHandle().destroyForcibly();
                    }
                }
            }
            child.waitFor();
            assertThat(acks).as("acknowledged appends before the kill (seed %d); child stderr: %s", seed,
                    Files.readString(stderr)).isGreaterThanOrEqualTo(killAfter);

            try (FileSpool spool = FileSpool.open(spoolDir, SpoolChildProcess.SETTINGS)) {
                List<SpooledEvent> all = spool.read(0, Integer.MAX_VALUE, Duration.ZERO);
                assertThat(all).extracting(SpooledEvent::sequence).as("seed %d", seed)
                        .hasSize((int) spool.lastSequence()).isSorted().doesNotHaveDuplicates();
                assertThat(all).extracting(event -> TestEvents.label(event.raw())).as("seed %d", seed)
                        .doesNotHaveDuplicates();
                acknowledged.forEach((sequence, event) ->
                        assertThat(TestEvents.content(all.get((int) (sequence - 1)).raw()))
                                .as("acknowledged sequence %d (seed %d)", sequence, seed)
                                .isEqualTo(TestEvents.content(event)));
            }
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSpoolWhileOneHoldsIt() throws Exception {
        Path spoolDir = dir.resolve("spool");
        Process holder = ChildJvm.start(dir.resolve("holder.err"), "hold", spoolDir.toString());
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).as(() -> "holder stderr: " + readQuietly(dir.resolve("holder.err")))
                    .isEqualTo("open");
            assertThatThrownBy(() -> FileSpool.open(spoolDir, SpoolChildProcess.SETTINGS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another spool")
                    .hasMessageContaining("spool.lock");
            holder.getOutputStream().close();
            assertThat(holder.waitFor()).isZero();
        }
        try (FileSpool spool = FileSpool.open(spoolDir, SpoolChildProcess.SETTINGS)) {
            assertThat(spool.lastSequence()).isZero();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
