package dev.vigil.intel.stix.pattern;

/** A pattern that is not valid STIX 2.1 patterning; the message gives the reason and, for syntax errors, the column. */
public final class InvalidPatternException extends Exception {

    private final int column;

    public InvalidPatternException(String reason, int column) {
        super(column >= 0 ? "at column " + (column + 1) + ": " + reason : reason);
        this.column = column;
    }

    /** 0-based column of the offending input, or -1 for errors that concern the pattern as a whole. */
    public int column() {
        return column;
    }
}
