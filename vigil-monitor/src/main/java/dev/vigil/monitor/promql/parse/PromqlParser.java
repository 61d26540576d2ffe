package dev.vigil.monitor.promql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import dev.vigil.monitor.promql.ast.Expr;
import dev.vigil.monitor.promql.ast.LabelMatcher;
import dev.vigil.monitor.promql.ast.VectorMatching;
import dev.vigil.monitor.promql.parse.FunctionSignatures.ArgType;
import dev.vigil.monitor.promql.parse.FunctionSignatures.Signature;
import dev.vigil.monitor.promql.parse.Token.Kind;

/** Recursive-descent parser for the PromQL subset Vigil evaluates, with type checks of operands and function arguments. */
public final class PromqlParser {

    private static final Set<String> AGGREGATIONS = Set.of("sum", "avg", "min", "max", "count", "group", "stddev",
            "stdvar", "topk", "bottomk", "quantile", "count_values");
    private static final Set<String> PARAMETERISED = Set.of("topk", "bottomk", "quantile", "count_values");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", ">", "<", ">=", "<=");
    private static final Set<String> SET_OPERATORS = Set.of("and", "or", "unless");

    /** Deeper nesting is rejected instead of overflowing the stack. */
    private static final int MAX_DEPTH = 200;

    private final String input;
    private final List<Token> tokens;
    private int index;
    private int depth;

    private PromqlParser(String input) {
        this.input = input;
        this.tokens = new Lexer(input).tokenize();
    }

    /** Parses and type-checks an expression; throws {@link ParseException} naming the position of the first error. */
    public static Expr parse(String input) {
        PromqlParser parser = new PromqlParser(input);
        Expr expr = parser.expression(1);
        if (parser.peek().kind() != Kind.EOF) {
            throw parser.error(parser.peek(), "unexpected " + describe(parser.peek()));
        }
        parser.checkResult(expr);
        return expr;
    }

    /** Parses a series description such as {@code name{a="b"}} or {@code {__name__="x"}} into a plain selector. */
    public static Expr.VectorSelector parseSelector(String input) {
        PromqlParser parser = new PromqlParser(input);
        Token start = parser.peek();
        Expr expr = parser.primary();
        if (!(expr instanceof Expr.VectorSelector selector) || parser.peek().kind() != Kind.EOF) {
            throw parser.error(start, "expected a series selector such as name{label=\"value\"}");
        }
        return selector;
    }

    private void checkResult(Expr expr) {
        ArgType type = typeOf(expr);
        if (type == ArgType.MATRIX && !(expr instanceof Expr.MatrixSelector) && !(expr instanceof Expr.Subquery)) {
            throw new ParseException(input, 0, "unexpected range vector");
        }
    }

    // ---- binary expressions (precedence climbing) ----

    private static int precedence(Token t) {
        if (t.kind() == Kind.IDENT) {
            return switch (t.text().toLowerCase(Locale.ROOT)) {
                case "or" -> 1;
                case "and", "unless" -> 2;
                case "atan2" -> 5;
                default -> -1;
            };
        }
        if (t.kind() != Kind.OPERATOR) {
            return -1;
        }
        return switch (t.text()) {
            case "==", "!=", ">", "<", ">=", "<=" -> 3;
            case "+", "-" -> 4;
            case "*", "/", "%" -> 5;
            case "^" -> 6;
            default -> -1;
        };
    }

    private Expr expression(int minPrecedence) {
        if (++depth > MAX_DEPTH) {
            throw error(peek(), "expression nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
        try {
            return climb(minPrecedence);
        } finally {
            depth--;
        }
    }

    private Expr climb(int minPrecedence) {
        Expr lhs = unary();
        while (true) {
            Token op = peek();
            int prec = precedence(op);
            if (prec < minPrecedence) {
                return lhs;
            }
            index++;
            String opText = op.kind() == Kind.IDENT ? op.text().toLowerCase(Locale.ROOT) : op.text();
            boolean returnBool = false;
            if (keyword(peek(), "bool")) {
                if (!COMPARISONS.contains(opText)) {
                    throw error(peek(), "bool modifier can only be used on comparison operators");
                }
                index++;
                returnBool = true;
            }
            VectorMatching matching = matching(opText, op);
            // '^' is right-associative, everything else left-associative.
            Expr rhs = expression(opText.equals("^") ? prec : prec + 1);
            lhs = binary(op, opText, lhs, rhs, returnBool, matching);
        }
    }

    private VectorMatching matching(String op, Token opToken) {
        boolean set = SET_OPERATORS.contains(op);
        VectorMatching matching = VectorMatching.defaultFor(set);
        Token t = peek();
        if (keyword(t, "on") || keyword(t, "ignoring")) {
            index++;
            boolean on = keyword(t, "on");
            List<String> labels = labelList();
            matching = new VectorMatching(matching.cardinality(), on, labels, List.of());
            Token g = peek();
            if (keyword(g, "group_left") || keyword(g, "group_right")) {
                if (set) {
                    throw error(g, "no grouping allowed for \"" + op + "\" operation");
                }
                index++;
                List<String> include = peek().kind() == Kind.LPAREN ? labelList() : List.of();
                VectorMatching.Cardinality card = keyword(g, "group_left")
                        ? VectorMatching.Cardinality.MANY_TO_ONE : VectorMatching.Cardinality.ONE_TO_MANY;
                for (String l : include) {
                    if (on && labels.contains(l)) {
                        throw error(g, "label \"" + l + "\" must not occur in ON and GROUP clause at once");
                    }
                }
                matching = new VectorMatching(card, on, labels, include);
            }
        } else if (keyword(t, "group_left") || keyword(t, "group_right")) {
            throw error(t, t.text() + " requires on(...) or ignoring(...) before it");
        }
        return matching;
    }

    private Expr binary(Token opToken, String op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching) {
        ArgType lt = typeOf(lhs);
        ArgType rt = typeOf(rhs);
        if (lt != ArgType.SCALAR && lt != ArgType.VECTOR || rt != ArgType.SCALAR && rt != ArgType.VECTOR) {
            throw error(opToken, "binary expression must contain only scalar and instant vector types");
        }
        boolean bothScalar = lt == ArgType.SCALAR && rt == ArgType.SCALAR;
        if (SET_OPERATORS.contains(op) && (lt == ArgType.SCALAR || rt == ArgType.SCALAR)) {
            throw error(opToken, "set operator \"" + op + "\" not allowed in binary scalar expression");
        }
        if (COMPARISONS.contains(op) && bothScalar && !returnBool) {
            throw error(opToken, "comparisons between scalars must use BOOL modifier");
        }
        boolean hasExplicitMatching = matching.on() || !matching.labels().isEmpty()
                || matching.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE
                || matching.cardinality() == VectorMatching.Cardinality.ONE_TO_MANY;
        if (hasExplicitMatching && (lt != ArgType.VECTOR || rt != ArgType.VECTOR)) {
            throw error(opToken, "vector matching only allowed between instant vectors");
        }
        return new Expr.Binary(op, lhs, rhs, returnBool, matching);
    }

    private Expr unary() {
        Token t = peek();
        if (t.is(Kind.OPERATOR, "-") || t.is(Kind.OPERATOR, "+")) {
            index++;
            Expr operand = expression(6);
            ArgType type = typeOf(operand);
            if (type != ArgType.SCALAR && type != ArgType.VECTOR) {
                throw error(t, "unary expression only allowed on expressions of type scalar or instant vector");
            }
            if (operand instanceof Expr.NumberLiteral n) {
                return new Expr.NumberLiteral(t.text().equals("-") ? -n.value() : n.value());
            }
            return new Expr.Unary(t.text().equals("-"), operand);
        }
        return postfix(primary());
    }

    private Expr postfix(Expr expr) {
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.LBRACKET) {
                expr = rangeOrSubquery(expr);
            } else if (keyword(t, "offset")) {
                index++;
                boolean negative = false;
                if (peek().is(Kind.OPERATOR, "-")) {
                    index++;
                    negative = true;
                }
                long offset = duration();
                expr = applyOffset(t, expr, negative ? -offset : offset);
            } else if (t.kind() == Kind.AT) {
                throw error(t, "the @ modifier is not supported by Vigil's engine");
            } else {
                return expr;
            }
        }
    }

    private Expr applyOffset(Token at, Expr expr, long offset) {
        return switch (expr) {
            case Expr.VectorSelector v when v.offsetMs() == 0 -> v.withOffset(offset);
            case Expr.MatrixSelector m when m.selector().offsetMs() == 0 ->
                    new Expr.MatrixSelector(m.selector().withOffset(offset), m.rangeMs());
            case Expr.Subquery s when s.offsetMs() == 0 -> new Expr.Subquery(s.expr(), s.rangeMs(), s.stepMs(), offset);
            default -> throw error(at, "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
        };
    }

    private Expr rangeOrSubquery(Expr expr) {
        Token open = next();
        long range = duration();
        if (peek().kind() == Kind.COLON) {
            index++;
            long step = peek().kind() == Kind.DURATION ? duration() : 0;
            expect(Kind.RBRACKET, "\"]\"");
            if (typeOf(expr) != ArgType.VECTOR) {
                throw error(open, "subquery is only allowed on instant vector, got " + typeOf(expr).name().toLowerCase(Locale.ROOT));
            }
            if (range <= 0) {
                throw error(open, "subquery range must be positive");
            }
            return new Expr.Subquery(expr, range, step, 0);
        }
        expect(Kind.RBRACKET, "\"]\"");
        if (!(expr instanceof Expr.VectorSelector selector)) {
            throw error(open, "ranges only allowed for vector selectors");
        }
        if (selector.offsetMs() != 0) {
            throw error(open, "offset must follow the range: write name[5m] offset 1h");
        }
        if (range <= 0) {
            throw error(open, "range must be positive");
        }
        return new Expr.MatrixSelector(selector, range);
    }

    private long duration() {
        Token t = next();
        if (t.kind() != Kind.DURATION && !(t.kind() == Kind.NUMBER && t.text().equals("0"))) {
            throw error(t, "expected a duration such as 5m, got " + describe(t));
        }
        try {
            return Durations.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw error(t, e.getMessage());
        }
    }

    // ---- primaries ----

    private Expr primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Expr.NumberLiteral(number(t));
            case STRING:
                return new Expr.StringLiteral(t.text());
            case LPAREN: {
                Expr inner = expression(1);
                expect(Kind.RPAREN, "\")\"");
                return new Expr.Paren(inner);
            }
            case LBRACE:
                index--;
                return selector(null, t);
            case IDENT:
                return identifier(t);
            default:
                throw error(t, "unexpected " + describe(t));
        }
    }

    private Expr identifier(Token t) {
        String lower = t.text().toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("nan")) {
            return new Expr.NumberLiteral(lower.equals("inf") ? Double.POSITIVE_INFINITY : Double.NaN);
        }
        if (AGGREGATIONS.contains(lower) && (peek().kind() == Kind.LPAREN || keyword(peek(), "by")
                || keyword(peek(), "without"))) {
            return aggregation(t, lower);
        }
        if (peek().kind() == Kind.LPAREN) {
            return call(t);
        }
        return selector(t.text(), t);
    }

    private Expr aggregation(Token opToken, String op) {
        List<String> grouping = List.of();
        boolean without = false;
        boolean grouped = false;
        if (keyword(peek(), "by") || keyword(peek(), "without")) {
            without = keyword(next(), "without");
            grouping = labelList();
            grouped = true;
        }
        expect(Kind.LPAREN, "\"(\"");
        Expr param = null;
        if (PARAMETERISED.contains(op)) {
            param = expression(1);
            expect(Kind.COMMA, "\",\"");
            ArgType expected = op.equals("count_values") ? ArgType.STRING : ArgType.SCALAR;
            if (typeOf(param) != expected) {
                throw error(opToken, "expected type " + expected.name().toLowerCase(Locale.ROOT) + " in aggregation parameter");
            }
        }
        Expr body = expression(1);
        expect(Kind.RPAREN, "\")\"");
        if (typeOf(body) != ArgType.VECTOR) {
            throw error(opToken, "expected type instant vector in aggregation expression, got " + typeOf(body).name().toLowerCase(Locale.ROOT));
        }
        if (!grouped && (keyword(peek(), "by") || keyword(peek(), "without"))) {
            without = keyword(next(), "without");
            grouping = labelList();
        }
        return new Expr.Aggregation(op, param, body, grouping, without);
    }

    private Expr call(Token name) {
        Signature signature = FunctionSignatures.lookup(name.text());
        if (signature == null) {
            throw error(name, "unknown or unsupported function \"" + name.text() + "\"");
        }
        expect(Kind.LPAREN, "\"(\"");
        List<Expr> args = new ArrayList<>();
        if (peek().kind() != Kind.RPAREN) {
            do {
                args.add(expression(1));
            } while (accept(Kind.COMMA));
        }
        expect(Kind.RPAREN, "\")\"");
        int max = signature.variadic() ? Integer.MAX_VALUE : signature.args().size();
        int min = signature.args().size() - signature.optional();
        if (args.size() < min || args.size() > max) {
            throw error(name, "wrong number of arguments for " + name.text() + "(): expected "
                    + (min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max)
                    + ", got " + args.size());
        }
        for (int i = 0; i < args.size(); i++) {
            ArgType expected = signature.args().get(Math.min(i, signature.args().size() - 1));
            ArgType actual = typeOf(args.get(i));
            if (expected != actual) {
                throw error(name, "expected type " + typeName(expected) + " in call to function \"" + name.text()
                        + "\", got " + typeName(actual));
            }
        }
        return new Expr.Call(name.text(), List.copyOf(args));
    }

    private Expr selector(String metricName, Token start) {
        List<LabelMatcher> matchers = new ArrayList<>();
        if (peek().kind() == Kind.LBRACE) {
            index++;
            while (peek().kind() != Kind.RBRACE) {
                Token label = next();
                if (label.kind() != Kind.IDENT && label.kind() != Kind.STRING) {
                    throw error(label, "expected label name, got " + describe(label));
                }
                Token op = next();
                LabelMatcher.Type type = switch (op.kind() == Kind.OPERATOR ? op.text() : "") {
                    case "=" -> LabelMatcher.Type.EQUAL;
                    case "!=" -> LabelMatcher.Type.NOT_EQUAL;
                    case "=~" -> LabelMatcher.Type.REGEX;
                    case "!~" -> LabelMatcher.Type.NOT_REGEX;
                    default -> throw error(op, "expected label matching operator (=, !=, =~, !~), got " + describe(op));
                };
                Token value = next();
                if (value.kind() != Kind.STRING) {
                    throw error(value, "expected quoted label value, got " + describe(value));
                }
                try {
                    matchers.add(LabelMatcher.of(label.text(), type, value.text()));
                } catch (PatternSyntaxException e) {
                    throw error(value, "invalid regular expression \"" + value.text() + "\": " + e.getDescription());
                }
                if (!accept(Kind.COMMA)) {
                    break;
                }
            }
            expect(Kind.RBRACE, "\"}\"");
        }
        if (metricName != null) {
            for (LabelMatcher m : matchers) {
                if (m.name().equals("__name__")) {
                    throw error(start, "metric name must not be set twice: \"" + metricName + "\"");
                }
            }
            matchers.add(0, LabelMatcher.of("__name__", LabelMatcher.Type.EQUAL, metricName));
        }
        if (matchers.stream().allMatch(LabelMatcher::matchesEmpty)) {
            throw error(start, "vector selector must contain at least one non-empty matcher");
        }
        String name = metricName;
        if (name == null) {
            name = matchers.stream().filter(m -> m.name().equals("__name__") && m.type() == LabelMatcher.Type.EQUAL)
                    .map(LabelMatcher::value).findFirst().orElse(null);
        }
        return new Expr.VectorSelector(name, List.copyOf(matchers), 0);
    }

    private List<String> labelList() {
        expect(Kind.LPAREN, "\"(\"");
        List<String> labels = new ArrayList<>();
        while (peek().kind() != Kind.RPAREN) {
            Token t = next();
            if (t.kind() != Kind.IDENT) {
                throw error(t, "expected label name in grouping, got " + describe(t));
            }
            labels.add(t.text());
            if (!accept(Kind.COMMA)) {
                break;
            }
        }
        expect(Kind.RPAREN, "\")\"");
        return List.copyOf(labels);
    }

    private double number(Token t) {
        String text = t.text();
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(t, "invalid number \"" + text + "\"");
        }
    }

    // ---- types ----

    /** The static type of an expression. */
    public static ArgType typeOf(Expr expr) {
        return switch (expr) {
            case Expr.NumberLiteral n -> ArgType.SCALAR;
            case Expr.StringLiteral s -> ArgType.STRING;
            case Expr.VectorSelector v -> ArgType.VECTOR;
            case Expr.MatrixSelector m -> ArgType.MATRIX;
            case Expr.Subquery s -> ArgType.MATRIX;
            case Expr.Aggregation a -> ArgType.VECTOR;
            case Expr.Paren p -> typeOf(p.expr());
            case Expr.Unary u -> typeOf(u.expr());
            case Expr.Binary b -> typeOf(b.lhs()) == ArgType.SCALAR && typeOf(b.rhs()) == ArgType.SCALAR
                    ? ArgType.SCALAR : ArgType.VECTOR;
            case Expr.Call c -> switch (c.function()) {
                case "time", "scalar" -> ArgType.SCALAR;
                default -> ArgType.VECTOR;
            };
        };
    }

    private static String typeName(ArgType t) {
        return switch (t) {
            case SCALAR -> "scalar";
            case VECTOR -> "instant vector";
            case MATRIX -> "range vector";
            case STRING -> "string";
        };
    }

    // ---- token helpers ----

    /** PromQL keywords (on, by, bool, offset, ...) are case-insensitive. */
    private static boolean keyword(Token t, String word) {
        return t.kind() == Kind.IDENT && t.text().equalsIgnoreCase(word);
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Kind.EOF) {
            index++;
        }
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            index++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind, String what) {
        Token t = next();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + ", got " + describe(t));
        }
    }

    private ParseException error(Token at, String problem) {
        return new ParseException(input, at.position(), problem);
    }

    private static String describe(Token t) {
        return t.kind() == Kind.EOF ? "end of input" : "\"" + t.text() + "\"";
    }
}
