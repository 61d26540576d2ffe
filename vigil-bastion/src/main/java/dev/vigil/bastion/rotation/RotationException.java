package dev.vigil.bastion.rotation;

/** A rotation step failed; the message says which and why, and never contains a password. */
public class RotationException extends Exception {

    public RotationException(String message) {
        super(message);
    }

    public RotationException(String message, Throwable cause) {
        super(message, cause);
    }
}
