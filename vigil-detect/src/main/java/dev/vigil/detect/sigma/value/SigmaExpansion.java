package dev.vigil.detect.sigma.value;

import java.util.List;

/** Alternatives produced by one value (e.g. {@code base64offset}); always OR-linked, also under {@code all}. */
public record SigmaExpansion(List<SigmaValue> alternatives) implements SigmaValue {

    public SigmaExpansion {
        alternatives = List.copyOf(alternatives);
    }
}
