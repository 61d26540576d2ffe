package dev.vigil.spool;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The random identity a spool gets when its folder is first used (16 hex digits in {@value #FILE}). Event ids are
 * {@code <identity>-<sequence>}: the same after a replay, different from any other spool's.
 */
record SpoolIdentity(String value) {

    static final String FILE = "spool-id";
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{16}");

    SpoolIdentity {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a spool identity is 16 lowercase hex digits, not '" + value + "'");
        }
    }

    /** Reads the folder's identity, creating one when the folder holds no events yet. */
    static SpoolIdentity loadOrCreate(SpoolDirectory directory, boolean hasSegments) throws IOException {
        Optional<String> stored = directory.read(FILE);
        if (stored.isPresent()) {
            String value = stored.get().strip();
            if (!FORMAT.matcher(value).matches()) {
                throw new IllegalStateException("spool identity file " + directory.path().resolve(FILE)
                        + " is damaged: expected 16 lowercase hex digits");
            }
            return new SpoolIdentity(value);
        }
        if (hasSegments) {
            throw new IllegalStateException("spool directory " + directory.path() + " holds segments but no " + FILE
                    + " file; a new identity would give replayed events new ids, so restore the file");
        }
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        SpoolIdentity created = new SpoolIdentity(HexFormat.of().formatHex(random));
        directory.writeAtomically(FILE, created.value() + "\n");
        return created;
    }

    String eventId(long sequence) {
        return value + "-" + sequence;
    }
}
