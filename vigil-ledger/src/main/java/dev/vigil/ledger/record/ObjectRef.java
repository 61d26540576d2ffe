package dev.vigil.ledger.record;

/** The object an audited action was applied to, e.g. type {@code monitor}, id {@code mon-42}. */
public record ObjectRef(String type, String id) {

    public ObjectRef {
        Fields.requireNonEmpty(type, "object type");
        Fields.requireNonEmpty(id, "object id");
    }
}
