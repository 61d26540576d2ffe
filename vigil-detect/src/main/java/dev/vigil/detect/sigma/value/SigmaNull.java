package dev.vigil.detect.sigma.value;

/** {@code field: null}: the field is absent or JSON null. */
public record SigmaNull() implements SigmaValue {
}
