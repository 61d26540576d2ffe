package dev.vigil.bastion.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What a live viewer of a recording sees: the header, then the output as it is recorded, never the input, then the end. */
class LiveTailTest {

    private static void output(SessionRecorder recorder, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        recorder.output(bytes, 0, bytes.length);
    }

    private static List<String> drain(LiveTail.Viewer viewer) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        for (Optional<String> line = viewer.next(Duration.ofMillis(50)); line.isPresent(); line = viewer.next(Duration.ofMillis(50))) {
            lines.add(line.get());
        }
        return lines;
    }

    @Test
    void aViewerGetsTheHeaderTheBacklogAndThenEachEventButNeverTheInput() throws Exception {
        SessionRecorder recorder = new SessionRecorder(100, 30, 1_800_000_000L, "ops@web02", Map.of("TERM", "xterm"), 1 << 20,
                (text, at) -> { });
        output(recorder, "$ ");
        byte[] typed = "secret-typed\r".getBytes(StandardCharsets.UTF_8);
        recorder.input(typed, 0, typed.length);

        LiveTail.Viewer viewer = recorder.tail().watch();
        List<String> first = drain(viewer);
        assertThat(first.get(0)).startsWith("{\"version\": 2, \"width\": 100, \"height\": 30");
        assertThat(first.get(1)).contains("\"o\", \"$ \"");

        output(recorder, "hello\r\n");
        recorder.resize(120, 40);
        List<String> next = drain(viewer);
        assertThat(next).hasSize(2);
        assertThat(next.get(0)).contains("\"o\", \"hello\\r\\n\"");
        assertThat(next.get(1)).contains("\"r\", \"120x40\"");
        assertThat(String.join("\n", first) + String.join("\n", next)).doesNotContain("secret-typed");

        recorder.finish();
        assertThatThrownBy(() -> viewer.next(Duration.ofMillis(50))).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("session ended");
    }

    @Test
    void theBacklogIsBoundedAndASlowViewerIsCutOffWithoutHoldingTheRecording() throws Exception {
        LiveTail tail = new LiveTail(100);
        tail.line("{\"version\": 2}");
        for (int i = 0; i < 50; i++) {
            tail.line("[" + i + ", \"o\", \"0123456789\"]");
        }
        List<String> seen = drain(tail.watch());
        assertThat(seen.get(0)).isEqualTo("{\"version\": 2}");
        assertThat(seen.size()).isLessThan(10);
        assertThat(seen.get(seen.size() - 1)).startsWith("[49,");

        LiveTail.Viewer slow = tail.watch();
        for (int i = 0; i < LiveTail.VIEWER_LINES + 10; i++) {
            tail.line("[" + i + ", \"o\", \"x\"]");
        }
        assertThat(slow.cutOff()).isTrue();
        assertThatThrownBy(() -> slow.next(Duration.ofMillis(50))).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("behind");
    }
}
