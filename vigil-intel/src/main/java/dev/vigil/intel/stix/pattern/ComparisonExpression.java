package dev.vigil.intel.stix.pattern;

/** What goes inside one observation's brackets: property tests joined by AND / OR. */
public sealed interface ComparisonExpression {

    enum Operator { EQ, NEQ, LT, LE, GT, GE, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET }

    enum Junction { AND, OR }

    /** {@code path [NOT] operator literal}. */
    record Test(ObjectPath path, boolean negated, Operator operator, Literal value) implements ComparisonExpression {
    }

    /** {@code EXISTS path}. */
    record Exists(ObjectPath path) implements ComparisonExpression {
    }

    record Combination(Junction junction, ComparisonExpression left, ComparisonExpression right)
            implements ComparisonExpression {
    }
}
