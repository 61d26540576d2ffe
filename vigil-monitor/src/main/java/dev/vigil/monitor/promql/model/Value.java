package dev.vigil.monitor.promql.model;

import java.util.List;

/** The result of evaluating a PromQL expression. */
public sealed interface Value {

    record Scalar(double value) implements Value {
    }

    record Text(String value) implements Value {
    }

    record InstantVector(List<Sample> samples) implements Value {
    }

    record RangeVector(List<Series> series) implements Value {
    }

    default String typeName() {
        return switch (this) {
            case Scalar s -> "scalar";
            case Text t -> "string";
            case InstantVector v -> "instant vector";
            case RangeVector r -> "range vector";
        };
    }
}
