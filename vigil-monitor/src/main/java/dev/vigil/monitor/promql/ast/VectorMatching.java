package dev.vigil.monitor.promql.ast;

import java.util.List;

/** The on/ignoring and group_left/group_right part of a binary operation between two vectors. */
public record VectorMatching(Cardinality cardinality, boolean on, List<String> labels, List<String> include) {

    public enum Cardinality { ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    public static VectorMatching defaultFor(boolean setOperator) {
        return new VectorMatching(setOperator ? Cardinality.MANY_TO_MANY : Cardinality.ONE_TO_ONE, false, List.of(), List.of());
    }
}
