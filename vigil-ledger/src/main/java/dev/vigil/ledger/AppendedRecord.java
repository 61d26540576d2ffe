package dev.vigil.ledger;

/** Result of a durable append: the sequence number (= leaf index) and the Merkle leaf hash of the record. */
public record AppendedRecord(long sequence, byte[] leafHash) {

    public AppendedRecord {
        leafHash = leafHash.clone();
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }
}
