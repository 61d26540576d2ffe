package dev.vigil.monitor.rules;

import java.util.Optional;
import java.util.Set;

import dev.vigil.monitor.gocompat.GoFloat;
import dev.vigil.monitor.promql.ast.Expr;

/**
 * The threshold a condition compares against, for messages ("seen 93.1, threshold > 90"): the outermost comparison
 * of the expression with a number on one side. Conditions joined by {@code and}/{@code unless} use their left side.
 */
public final class ConditionThreshold {

    private static final Set<String> COMPARISONS = Set.of(">", "<", ">=", "<=", "==", "!=");

    private ConditionThreshold() {
    }

    public static Optional<String> of(Expr expr) {
        return switch (expr) {
            case Expr.Paren p -> of(p.expr());
            case Expr.Binary b when COMPARISONS.contains(b.op()) && b.rhs() instanceof Expr.NumberLiteral n ->
                    Optional.of(b.op() + " " + GoFloat.formatShortest(n.value()));
            case Expr.Binary b when COMPARISONS.contains(b.op()) && b.lhs() instanceof Expr.NumberLiteral n ->
                    Optional.of(flip(b.op()) + " " + GoFloat.formatShortest(n.value()));
            case Expr.Binary b when b.op().equals("and") || b.op().equals("unless") -> of(b.lhs());
            default -> Optional.empty();
        };
    }

    private static String flip(String op) {
        return switch (op) {
            case ">" -> "<";
            case "<" -> ">";
            case ">=" -> "<=";
            case "<=" -> ">=";
            default -> op;
        };
    }
}
