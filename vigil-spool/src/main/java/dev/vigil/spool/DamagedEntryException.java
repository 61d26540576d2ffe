package dev.vigil.spool;

/** An entry in a segment file that cannot be read back as written: cut short, implausible or failing its checksum. */
final class DamagedEntryException extends Exception {
    private final long offset;
    private final String problem;

    DamagedEntryException(long offset, String problem) {
        super(problem + " at offset " + offset);
        this.offset = offset;
        this.problem = problem;
    }

    long offset() {
        return offset;
    }

    String problem() {
        return problem;
    }
}
