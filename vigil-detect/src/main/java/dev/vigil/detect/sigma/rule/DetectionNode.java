package dev.vigil.detect.sigma.rule;

import java.util.List;

import dev.vigil.detect.sigma.value.SigmaValue;

/** The search tree of one detection identifier. */
public sealed interface DetectionNode {

    /** 1-based line in the rule file. */
    int line();

    /** A map of field items: all must match. */
    record AllOf(List<DetectionNode> children, int line) implements DetectionNode {
        public AllOf {
            children = List.copyOf(children);
        }
    }

    /** A list of maps (or of keyword groups): any may match. */
    record AnyOf(List<DetectionNode> children, int line) implements DetectionNode {
        public AnyOf {
            children = List.copyOf(children);
        }
    }

    /**
     * One field with its values, or a keyword search when {@code field} is null.
     *
     * @param allOf   values AND-linked ({@code all}); otherwise OR-linked
     * @param negated {@code neq}: the item as a whole is negated
     */
    record Item(String field, List<SigmaValue> values, boolean allOf, boolean negated, int line) implements DetectionNode {
        public Item {
            values = List.copyOf(values);
        }

        public boolean isKeyword() {
            return field == null;
        }
    }
}
