package dev.vigil.ledger.export;

import java.util.Base64;
import java.util.List;

/** Outcome of verifying an export: verified, tampering found (the first problem), or input that cannot be read. */
public sealed interface VerificationResult {

    /** Everything verified; {@code size} and {@code root} are those of the latest checkpoint. */
    record Verified(long size, byte[] root, List<String> warnings) implements VerificationResult {
        public Verified {
            root = root.clone();
            warnings = List.copyOf(warnings);
        }

        @Override
        public byte[] root() {
            return root.clone();
        }

        public String rootBase64() {
            return Base64.getEncoder().encodeToString(root);
        }
    }

    /** The export contradicts its signed checkpoints or trust anchors; {@code problem} names the first place. */
    record Tampered(String problem) implements VerificationResult {
    }

    /** An input is missing or cannot be read or parsed at all, so nothing could be concluded. */
    record Unreadable(String problem) implements VerificationResult {
    }
}
