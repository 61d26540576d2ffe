package dev.vigil.ledger.export;

import static dev.vigil.ledger.export.ExportFixture.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.vigil.ledger.LedgerLayout;
import dev.vigil.ledger.merkle.MerkleHash;
import dev.vigil.ledger.store.LineReader;

/**
 * The verifier reads records.jsonl in chunks of whole lines; whatever the chunk size — smaller than a line, a few
 * lines, or the whole file — the verdict and the reported place are the same.
 */
class ChunkedVerificationTest {

    /** A record line of the fixture is about 400 bytes. */
    private static final int[] CHUNK_SIZES = {1, 64, 399, 400, 401, 1000, 4096, RecordChunk.DEFAULT_CAPACITY};

    @TempDir
    Path tmp;
    Path export;
    Path trustedKey;

    @BeforeEach
    void createExport() throws Exception {
        export = ExportFixture.export(tmp, "export", SIGNER, 40);
        trustedKey = ExportFixture.writeKey(tmp, SIGNER);
    }

    private String verify(int maxLine, int chunkSize) {
        return describe(new LedgerVerifier(export, trustedKey, null, maxLine, chunkSize).verify());
    }

    private static String describe(VerificationResult result) {
        return switch (result) {
            case VerificationResult.Verified ok -> "verified " + ok.size() + " " + ok.rootBase64() + " " + ok.warnings();
            case VerificationResult.Tampered tampered -> "tampered: " + tampered.problem();
            case VerificationResult.Unreadable unreadable -> "unreadable: " + unreadable.problem();
        };
    }

    private interface Edit {
        void apply(Path export) throws Exception;
    }

    private static Edit lines(UnaryOperator<List<String>> change) {
        return export -> ExportFixture.writeRecords(export,
                change.apply(new ArrayList<>(ExportFixture.records(export))));
    }

    static Stream<Named<Edit>> edits() {
        return Stream.of(
                Named.of("untouched", export -> { }),
                Named.of("edited field", lines(l -> {
                    l.set(17, l.get(17).replace("\"tenant\":\"acme\"", "\"tenant\":\"evil\""));
                    return l;
                })),
                Named.of("white space", lines(l -> {
                    l.set(3, l.get(3).replace("\"tenant\":\"acme\"", "\"tenant\": \"acme\""));
                    return l;
                })),
                Named.of("deleted record", lines(l -> {
                    l.remove(12);
                    return l;
                })),
                Named.of("repeated record", lines(l -> {
                    l.add(13, l.get(12));
                    return l;
                })),
                Named.of("swapped records", lines(l -> {
                    Collections.swap(l, 20, 21);
                    return l;
                })),
                Named.of("truncated tail", lines(l -> l.subList(0, 37))),
                Named.of("data after the last record", lines(l -> {
                    l.set(39, l.get(39) + "{}");
                    return l;
                })),
                Named.of("empty line", lines(l -> {
                    l.add(10, "");
                    return l;
                })),
                Named.of("last newline removed", export -> {
                    Path records = export.resolve(LedgerLayout.RECORDS);
                    String text = Files.readString(records, StandardCharsets.UTF_8);
                    Files.writeString(records, text.substring(0, text.length() - 1), StandardCharsets.UTF_8);
                }),
                Named.of("altered stored leaf hash", export -> {
                    byte[] hashes = Files.readAllBytes(export.resolve(LedgerLayout.LEAF_HASHES));
                    hashes[33 * MerkleHash.SIZE] ^= 1;
                    Files.write(export.resolve(LedgerLayout.LEAF_HASHES), hashes);
                }),
                Named.of("stored leaf hashes cut mid-hash", export -> {
                    byte[] hashes = Files.readAllBytes(export.resolve(LedgerLayout.LEAF_HASHES));
                    Files.write(export.resolve(LedgerLayout.LEAF_HASHES),
                            Arrays.copyOf(hashes, 30 * MerkleHash.SIZE + 5));
                }),
                Named.of("no stored leaf hashes", export -> Files.delete(export.resolve(LedgerLayout.LEAF_HASHES))));
    }

    @ParameterizedTest
    @MethodSource("edits")
    void everyChunkSizeReachesTheSameVerdict(Edit edit) throws Exception {
        edit.apply(export);
        String expected = verify(LineReader.DEFAULT_MAX_LINE, RecordChunk.DEFAULT_CAPACITY);
        for (int chunkSize : CHUNK_SIZES) {
            assertThat(verify(LineReader.DEFAULT_MAX_LINE, chunkSize)).as("chunk size %d", chunkSize)
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 1000, 1 << 16})
    void aLineOverTheLimitIsReported(int chunkSize) throws Exception {
        List<String> lines = new ArrayList<>(ExportFixture.records(export));
        lines.set(30, "x".repeat(2001));
        ExportFixture.writeRecords(export, lines);
        assertThat(verify(2000, chunkSize)).isEqualTo("tampered: records.jsonl: line longer than 2000 bytes");
        assertThat(verify(2001, chunkSize)).startsWith("tampered: records.jsonl line 31: invalid record:");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 1000, 1 << 16})
    void anEarlierProblemIsReportedBeforeALineOverTheLimit(int chunkSize) throws Exception {
        List<String> lines = new ArrayList<>(ExportFixture.records(export));
        lines.set(4, lines.get(4).replace("\"tenant\":\"acme\"", "\"tenant\":\"evil\""));
        lines.set(5, lines.get(5).replace(",\"v\":1}", ", \"v\":1}"));
        lines.set(30, "x".repeat(5000));
        ExportFixture.writeRecords(export, lines);
        String expected = verify(LineReader.DEFAULT_MAX_LINE, RecordChunk.DEFAULT_CAPACITY);
        assertThat(expected).startsWith("tampered: records.jsonl line 6: invalid record: not in canonical form");
        assertThat(verify(2000, chunkSize)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 1000})
    void aFinalLineWithoutNewlineOverTheLimitIsReported(int chunkSize) throws Exception {
        Path records = export.resolve(LedgerLayout.RECORDS);
        Files.writeString(records, Files.readString(records, StandardCharsets.UTF_8) + "y".repeat(2500),
                StandardCharsets.UTF_8);
        assertThat(verify(2000, chunkSize)).isEqualTo("tampered: records.jsonl: line longer than 2000 bytes");
        assertThat(verify(3000, chunkSize))
                .isEqualTo("tampered: records.jsonl line 41: the last line has no newline (truncated or appended)");
    }
}
