package dev.vigil.server.audit.internal;

import java.io.IOException;
import java.util.Base64;
import java.util.List;

import dev.vigil.ledger.Ledger;
import dev.vigil.ledger.merkle.MerkleHash;
import dev.vigil.ledger.note.SignedCheckpoint;
import dev.vigil.server.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an independent RFC 9162 verifier needs: the public key, signed checkpoints (C2SP signed-note text), inclusion
 * and consistency proofs (base64 SHA-256 hashes), and the records with their canonical bytes (GET /records). The tree
 * size to trust must come from a verified checkpoint.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit ledger", description = "Tamper-evident ledger: checkpoints and proofs (read-only)")
class LedgerController {

    private final Ledger ledger;
    private final Checkpointer checkpointer;
    private final AuditIndex index;

    LedgerController(Ledger ledger, Checkpointer checkpointer, AuditIndex index) {
        this.ledger = ledger;
        this.checkpointer = checkpointer;
        this.index = index;
    }

    record InclusionProof(long index, long treeSize, String leafHash, String rootHash, List<String> hashes) {
    }

    record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> hashes) {
    }

    @GetMapping(value = "/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The ledger's verifier key (C2SP note vkey: name+hash+base64(0x01 || Ed25519 public key))")
    String publicKey() {
        return ledger.verifierKey() + "\n";
    }

    @GetMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The latest signed checkpoint (C2SP tlog-checkpoint in a signed note)", description = """
            Origin line, tree size, base64 root hash, blank line, signature line(s). A new one is made every \
            vigil.audit.checkpoint-interval while records arrive; POST /api/v1/audit/checkpoint makes one now.""")
    ResponseEntity<String> checkpoint() throws IOException {
        SignedCheckpoint latest = ledger.latestCheckpoint().orElse(null);
        return ResponseEntity.ok(latest != null ? latest.format() : checkpointer.checkpointNow().format());
    }

    @PostMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Sign a checkpoint over every record stored now, publish it and return it")
    String checkpointNow() throws IOException {
        return checkpointer.checkpointNow().format();
    }

    @GetMapping(value = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every signed checkpoint in order (signed-note texts)")
    List<String> checkpoints() {
        return ledger.checkpoints().stream().map(SignedCheckpoint::format).toList();
    }

    @GetMapping("/proof/inclusion")
    @Operation(summary = "Inclusion proof of record `index` in the tree of `size` records (RFC 9162 §2.1.3)")
    InclusionProof inclusion(@Parameter(description = "record sequence number (0-based)") @RequestParam long index,
            @Parameter(description = "tree size, from a verified checkpoint") @RequestParam long size) throws IOException {
        if (size < 1 || size > ledger.size() || index < 0 || index >= size) {
            throw ProblemException.badRequest("invalid-input", "need 0 <= index < size <= " + ledger.size());
        }
        List<byte[]> path = ledger.inclusionProof(index, size);
        byte[] leaf = leafHash(index);
        return new InclusionProof(index, size, b64(leaf), b64(ledger.rootHash(size)), path.stream().map(LedgerController::b64).toList());
    }

    @GetMapping("/proof/consistency")
    @Operation(summary = "Consistency proof between tree sizes `from` and `to` (RFC 9162 §2.1.4)")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) throws IOException {
        if (from < 1 || from > to || to > ledger.size()) {
            throw ProblemException.badRequest("invalid-input", "need 1 <= from <= to <= " + ledger.size());
        }
        return new ConsistencyProof(from, to, b64(ledger.rootHash(from)), b64(ledger.rootHash(to)),
                ledger.consistencyProof(from, to).stream().map(LedgerController::b64).toList());
    }

    private byte[] leafHash(long seq) {
        return MerkleHash.leaf(index.canonical(seq).orElseThrow(() -> ProblemException.notFound("audit record", seq)));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
