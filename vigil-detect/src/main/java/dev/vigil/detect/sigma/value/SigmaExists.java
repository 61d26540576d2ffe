package dev.vigil.detect.sigma.value;

/** {@code field|exists: true|false}: presence (with a non-null value) of the field. */
public record SigmaExists(boolean exists) implements SigmaValue {
}
