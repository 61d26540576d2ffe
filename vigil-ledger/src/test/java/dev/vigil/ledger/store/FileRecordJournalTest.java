package dev.vigil.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRecordJournalTest {

    @TempDir
    Path dir;

    private static byte[] line(int i) {
        return ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static long append(RecordJournal journal, byte[] line) throws IOException {
        long index = journal.enqueue(line);
        journal.awaitDurable(index + 1);
        return index;
    }

    @Test
    void linesRoundTripAndSurviveReopening() throws IOException {
        Path file = dir.resolve("records.jsonl");
        try (FileRecordJournal journal = FileRecordJournal.open(file)) {
            for (int i = 0; i < 100; i++) {
                assertThat(append(journal, line(i))).isEqualTo(i);
            }
        }
        try (FileRecordJournal journal = FileRecordJournal.open(file)) {
            assertThat(journal.size()).isEqualTo(100);
            List<String> seen = new ArrayList<>();
            journal.forEach(98, 100, (index, line) -> seen.add(index + "=" + new String(line, StandardCharsets.UTF_8)));
            assertThat(seen).containsExactly("98={\"n\":98}", "99={\"n\":99}");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            journal.writeTo(out, 2);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"n\":0}\n{\"n\":1}\n");
        }
    }

    @Test
    void anInterruptedWriterNeitherBreaksTheJournalNorLosesItsInterrupt() throws IOException {
        Path file = dir.resolve("records.jsonl");
        try (FileRecordJournal journal = FileRecordJournal.open(file)) {
            append(journal, line(0));
            // a writer whose thread is interrupted (a request cancelled, a session cut off) while it appends: channel I/O
            // on that thread would close the channel for every later writer
            Thread.currentThread().interrupt();
            try {
                assertThat(append(journal, line(1))).isEqualTo(1);
            } finally {
                assertThat(Thread.interrupted()).as("the writer keeps its interrupt").isTrue();
            }
            assertThat(append(journal, line(2))).isEqualTo(2);
        }
        try (FileRecordJournal journal = FileRecordJournal.open(file)) {
            assertThat(journal.size()).isEqualTo(3);
        }
    }

    @Test
    void anUnterminatedTrailingLineIsDroppedOnOpen() throws IOException {
        Path file = dir.resolve("records.jsonl");
        try (FileRecordJournal journal = FileRecordJournal.open(file)) {
            append(journal, line(0));
        }
        Files.writeString(file, "{\"half", StandardOpenOption.APPEND);
        try (FileRecordJournal journal = FileRecordJournal.open(file)) {
            assertThat(journal.size()).isEqualTo(1);
            assertThat(append(journal, line(1))).isEqualTo(1);
        }
        assertThat(Files.readString(file)).isEqualTo("{\"n\":0}\n{\"n\":1}\n");
    }

    @Test
    void refusesLinesContainingNewlines() throws IOException {
        try (FileRecordJournal journal = FileRecordJournal.open(dir.resolve("records.jsonl"))) {
            assertThatThrownBy(() -> journal.enqueue("a\nb".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
