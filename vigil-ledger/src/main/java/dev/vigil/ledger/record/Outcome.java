package dev.vigil.ledger.record;

/** Result of an audited action; {@link #wireName()} is the value in the canonical encoding. */
public enum Outcome {
    SUCCESS("success"),
    FAILURE("failure"),
    DENIED("denied");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Outcome fromWireName(String name) {
        for (Outcome outcome : values()) {
            if (outcome.wireName.equals(name)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome \"" + name + "\" (expected success, failure or denied)");
    }
}
