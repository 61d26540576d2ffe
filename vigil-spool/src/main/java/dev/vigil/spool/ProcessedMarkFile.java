package dev.vigil.spool;

import java.io.IOException;
import java.util.Optional;

/** The processed mark, kept in {@value #FILE} as a decimal sequence and replaced atomically. */
final class ProcessedMarkFile {

    static final String FILE = "processed";

    private final SpoolDirectory directory;

    ProcessedMarkFile(SpoolDirectory directory) {
        this.directory = directory;
    }

    /** The stored mark, 0 when none was ever stored. */
    long load() throws IOException {
        Optional<String> stored = directory.read(FILE);
        if (stored.isEmpty()) {
            return 0;
        }
        try {
            long mark = Long.parseLong(stored.get().strip());
            if (mark < 0) {
                throw new NumberFormatException("negative");
            }
            return mark;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("spool processed-mark file " + directory.path().resolve(FILE)
                    + " is damaged: expected a sequence number", e);
        }
    }

    void store(long sequence) throws IOException {
        directory.writeAtomically(FILE, sequence + "\n");
    }
}
