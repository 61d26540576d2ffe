package dev.vigil.detect.sigma.logsource;

/** A log-source mapping file that cannot be used; the message names the file and the place. */
public final class MappingException extends Exception {

    public MappingException(String message) {
        super(message);
    }
}
