package dev.vigil.eventstore.mapping;

/** How a field is indexed and therefore how a query reads it. */
public enum FieldKind {
    /** exact, case-sensitive terms with sorted-set doc values: term, wildcard, prefix, regexp, range by text */
    KEYWORD,
    /** 64-bit integer points with doc values: exact and range */
    LONG,
    /** double points with doc values: exact and range */
    DOUBLE,
    /** epoch milliseconds (the event's timestamps): exact and range, written as dates or milliseconds */
    DATE,
    /** analyzed full text: words and phrases */
    TEXT;

    /** The kind a field gets when this value is the first one seen under its name. */
    public static FieldKind naturalKindOf(Object value) {
        return switch (value) {
            case Long l -> LONG;
            case Integer i -> LONG;
            case Short s -> LONG;
            case Byte b -> LONG;
            case Double d -> DOUBLE;
            case Float f -> DOUBLE;
            case java.util.List<?> list -> list.isEmpty() ? KEYWORD : naturalKindOf(list.getFirst());
            default -> KEYWORD;
        };
    }

    public boolean isNumeric() {
        return this == LONG || this == DOUBLE || this == DATE;
    }
}
