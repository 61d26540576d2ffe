package dev.vigil.monitor.promql.ast;

import java.util.List;

/** PromQL syntax tree. Durations are milliseconds. */
public sealed interface Expr {

    record NumberLiteral(double value) implements Expr {
    }

    record StringLiteral(String value) implements Expr {
    }

    record VectorSelector(String metricName, List<LabelMatcher> matchers, long offsetMs) implements Expr {
        public VectorSelector withOffset(long offset) {
            return new VectorSelector(metricName, matchers, offset);
        }
    }

    record MatrixSelector(VectorSelector selector, long rangeMs) implements Expr {
    }

    /** {@code expr[range:step]}; a step of 0 means the default evaluation interval. */
    record Subquery(Expr expr, long rangeMs, long stepMs, long offsetMs) implements Expr {
    }

    record Call(String function, List<Expr> args) implements Expr {
    }

    record Aggregation(String op, Expr param, Expr expr, List<String> grouping, boolean without) implements Expr {
    }

    record Binary(String op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching) implements Expr {
    }

    record Unary(boolean negate, Expr expr) implements Expr {
    }

    record Paren(Expr expr) implements Expr {
    }
}
