package dev.vigil.ledger.merkle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import dev.vigil.testkit.Corpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the shared merkle corpus in place (never copied into the repository). */
final class MerkleCorpus {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MerkleCorpus() {
    }

    static JsonNode read(String file) throws IOException {
        Path dir = Corpus.require("merkle");
        return JSON.readTree(Files.readAllBytes(dir.resolve(file)));
    }

    static byte[] b64(JsonNode node) {
        return Base64.getDecoder().decode(node.stringValue());
    }

    static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.stringValue());
    }

    /** Unsigned 64-bit integer as Java long bits. */
    static long u64(JsonNode node) {
        return Long.parseUnsignedLong(node.bigIntegerValue().toString());
    }

    static List<byte[]> proof(JsonNode node) {
        List<byte[]> proof = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(element -> proof.add(b64(element)));
        }
        return proof;
    }
}
