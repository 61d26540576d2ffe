package dev.vigil.ledger;

/**
 * File names shared by a ledger directory and an export directory (docs/AUDIT-FORMAT.md). A ledger directory is an
 * export in the making: the same files, with records beyond the latest checkpoint possibly present.
 */
public final class LedgerLayout {

    /** One canonical record per line, in sequence order, each line ending in {@code \n}. */
    public static final String RECORDS = "records.jsonl";
    /** The 32-byte leaf hash of each record, concatenated; redundant, lets a verifier name an altered record. */
    public static final String LEAF_HASHES = "leaf-hashes";
    /** Signed checkpoint notes, one file each, in issue order. */
    public static final String CHECKPOINTS = "checkpoints";
    /** The signed-note verifier key of the log, one line. */
    public static final String PUBLIC_KEY = "public-key";

    private LedgerLayout() {
    }
}
