package dev.vigil.ledger.record;

/** Argument checks shared by the record value types. */
final class Fields {

    private Fields() {
    }

    static void requireNonEmpty(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    static void requireAbsentOrNonEmpty(String value, String what) {
        if (value != null && value.isEmpty()) {
            throw new IllegalArgumentException(what + " must be absent or non-empty");
        }
    }
}
