package dev.vigil.detect.sigma.value;

/**
 * {@code field|fieldref: other}: compare with the value of another field of the same event. The wildcard flags are set by
 * {@code startswith} (trailing), {@code endswith} (leading) and {@code contains} (both).
 */
public record SigmaFieldRef(String field, boolean anyPrefix, boolean anySuffix) implements SigmaValue {

    public SigmaFieldRef withAnyPrefix() {
        return new SigmaFieldRef(field, true, anySuffix);
    }

    public SigmaFieldRef withAnySuffix() {
        return new SigmaFieldRef(field, anyPrefix, true);
    }
}
