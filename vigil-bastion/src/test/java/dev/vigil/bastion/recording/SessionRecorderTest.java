package dev.vigil.bastion.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class SessionRecorderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> commands = new ArrayList<>();

    private static String unzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void feed(SessionRecorder recorder, String text, boolean output) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (output) {
            recorder.output(bytes, 0, bytes.length);
        } else {
            recorder.input(bytes, 0, bytes.length);
        }
    }

    @Test
    void writesAsciicastV2WithResizesAndAChecksumOfTheFile() throws Exception {
        SessionRecorder recorder = new SessionRecorder(0, 0, 1_800_000_000L, "ops@web02", Map.of("TERM", "xterm-256color"), 1 << 20,
                (text, at) -> commands.add(text));
        feed(recorder, "$ ", true);
        recorder.resize(132, 43);
        feed(recorder, "uptime\r", false);
        feed(recorder, "uptime\r\n 10:00 up\r\n$ ", true);
        Recording recording = recorder.finish();

        String cast = unzip(recording.castGzip());
        String[] lines = cast.split("\n");
        assertThat(lines[0]).isEqualTo("{\"version\": 2, \"width\": 1, \"height\": 1, \"timestamp\": 1800000000, \"title\": \"ops@web02\", "
                + "\"env\": {\"TERM\": \"xterm-256color\"}}");
        assertThat(lines[2]).matches("\\[[0-9.]+, \"r\", \"132x43\"]");
        assertThat(lines[3]).endsWith("\"o\", \"uptime\\r\\n 10:00 up\\r\\n$ \"]");
        assertThat(recording.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(cast.getBytes(StandardCharsets.UTF_8))));
        assertThat(recording.castBytes()).isEqualTo(cast.getBytes(StandardCharsets.UTF_8).length);
        assertThat(commands).containsExactly("uptime");
        assertThat(unzip(recording.inputGzip())).contains("\"i\", \"uptime\\r\"");
    }

    @Test
    void aMultiByteCharacterSplitAcrossReadsSurvives() throws Exception {
        SessionRecorder recorder = new SessionRecorder(80, 24, 0, null, Map.of(), 1 << 20, null);
        byte[] bytes = "é€".getBytes(StandardCharsets.UTF_8);
        recorder.output(bytes, 0, 1);
        recorder.output(bytes, 1, 3);
        recorder.output(bytes, 4, 1);

        String cast = unzip(recorder.finish().castGzip());
        assertThat(cast).contains("é").contains("€").doesNotContain("\ufffd");
    }

    @Test
    void aLargeReadIsRecordedInSlicesThatJoinToTheOutput() throws Exception {
        SessionRecorder recorder = new SessionRecorder(80, 24, 0, null, Map.of(), 1 << 22, null);
        StringBuilder text = new StringBuilder();
        while (text.length() < 3 * SessionRecorder.MAX_EVENT_BYTES) {
            // a two-byte character lands on a slice boundary somewhere
            text.append("ü line ").append(text.length()).append("\r\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        recorder.output(bytes, 0, bytes.length);

        String[] lines = unzip(recorder.finish().castGzip()).split("\n");
        List<String> events = List.of(lines).subList(1, lines.length);
        assertThat(events).hasSize((bytes.length + SessionRecorder.MAX_EVENT_BYTES - 1) / SessionRecorder.MAX_EVENT_BYTES);
        StringBuilder joined = new StringBuilder();
        for (String event : events) {
            JsonNode node = JSON.readTree(event);
            assertThat(node.get(1).asString()).isEqualTo("o");
            // a slice carries at most the three bytes of a character the previous slice ended in
            assertThat(node.get(2).asString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SessionRecorder.MAX_EVENT_BYTES + 3);
            joined.append(node.get(2).asString());
        }
        assertThat(joined.toString()).isEqualTo(text.toString()).doesNotContain("\ufffd");
    }

    @Test
    void inputTypedWithoutEchoIsMasked() throws Exception {
        SessionRecorder recorder = new SessionRecorder(80, 24, 0, null, Map.of(), 1 << 20, (text, at) -> commands.add(text));
        feed(recorder, "[sudo] password for ops: ", true);
        feed(recorder, "hunter22\r", false);
        feed(recorder, "\r\n$ ", true);
        feed(recorder, "id\r", false);
        feed(recorder, "id\r\n", true);

        String input = unzip(recorder.finish().inputGzip());
        assertThat(input).doesNotContain("hunter22").contains("\"********\\r\"").contains("\"id\\r\"");
        assertThat(commands).containsExactly("id");
    }

    @Test
    void theSizeCapEndsTheRecordingWithAMarker() throws Exception {
        SessionRecorder recorder = new SessionRecorder(80, 24, 0, null, Map.of(), 300, null);
        for (int i = 0; i < 50; i++) {
            feed(recorder, "line " + i + "\r\n", true);
        }
        Recording recording = recorder.finish();

        assertThat(recording.truncated()).isTrue();
        assertThat(unzip(recording.castGzip())).endsWith("\"m\", \"recording truncated at the size limit\"]\n");
    }
}
