package dev.vigil.ledger.export;

/** A signed tree head the records must reproduce: {@code root} is {@code MTH} of the first {@code size} records. */
record RootExpectation(long size, byte[] root, String label) {
}
