package dev.vigil.intel.stix.pattern;

/** The observation level of a pattern: bracketed observations, groups, AND / OR / FOLLOWEDBY and qualifiers. */
public sealed interface ObservationExpression {

    enum Operator { AND, OR, FOLLOWEDBY }

    /** {@code [ comparison ]}. */
    record Observation(ComparisonExpression comparison) implements ObservationExpression {
    }

    /** {@code ( ... )} -- kept because qualifier rules treat a parenthesised group differently. */
    record Group(ObservationExpression inner) implements ObservationExpression {
    }

    record Combination(Operator operator, ObservationExpression left, ObservationExpression right)
            implements ObservationExpression {
    }

    record Qualified(ObservationExpression observation, Qualifier qualifier) implements ObservationExpression {
    }
}
