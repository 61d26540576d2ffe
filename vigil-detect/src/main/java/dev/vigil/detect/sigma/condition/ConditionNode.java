package dev.vigil.detect.sigma.condition;

import java.util.List;

/** Parsed condition with quantifiers already resolved to the identifiers they cover. */
public sealed interface ConditionNode {

    record And(List<ConditionNode> operands) implements ConditionNode {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<ConditionNode> operands) implements ConditionNode {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(ConditionNode operand) implements ConditionNode {
    }

    /** Reference to a detection identifier. */
    record Identifier(String name) implements ConditionNode {
    }
}
