package dev.vigil.intel.stix.pattern;

import dev.vigil.intel.stix.pattern.ComparisonExpression.Junction;
import dev.vigil.intel.stix.pattern.ComparisonExpression.Operator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser for the complete STIX 2.1 patterning grammar (the OASIS {@code STIXPattern.g4}), followed by
 * the checks the reference validator makes beyond the grammar: the pattern must open with {@code [} (after any
 * {@code (}), qualifiers of one family may not be stacked directly on one observation, and hash values under
 * {@code hashes.<algorithm>} must have the algorithm's form. Precedence, loosest first: FOLLOWEDBY, OR, AND at the
 * observation level, then qualifiers; inside brackets OR, then AND.
 */
public final class StixPatternParser {

    /** Deeper parenthesis nesting is rejected rather than risking the stack on hostile input. */
    static final int MAX_NESTING = 256;

    private static final Set<TokenType> ORDERABLE = Set.of(TokenType.INT_POS, TokenType.INT_NEG, TokenType.FLOAT_POS,
            TokenType.FLOAT_NEG, TokenType.STRING, TokenType.BINARY, TokenType.HEX, TokenType.TIMESTAMP);

    private final List<Token> tokens;
    private int position;
    private int depth;

    private StixPatternParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses and validates {@code text}.
     *
     * @throws InvalidPatternException with the reason (and column for syntax errors) when the pattern is not valid
     */
    public static StixPattern parse(String text) throws InvalidPatternException {
        if (!opensWithBracket(text)) {
            throw new InvalidPatternException("a pattern must start with '[' (optionally after '(')", 0);
        }
        StixPatternParser parser = new StixPatternParser(PatternLexer.tokenize(text));
        ObservationExpression root = parser.observationExpressions();
        parser.expect(TokenType.EOF, "AND, OR, FOLLOWEDBY, a qualifier or the end of the pattern");
        PatternRules.check(root);
        return new StixPattern(text, root);
    }

    /** Whether {@code text} is a valid pattern (see {@link #parse(String)} for the reason when it is not). */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidPatternException e) {
            return false;
        }
    }

    private static boolean opensWithBracket(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                return true;
            }
            if (c != '(' && !Character.isWhitespace(c) && !PatternLexer.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    // ---- observation level ----

    private ObservationExpression observationExpressions() throws InvalidPatternException {
        ObservationExpression left = observationOr();
        while (accept(TokenType.FOLLOWEDBY)) {
            left = new ObservationExpression.Combination(ObservationExpression.Operator.FOLLOWEDBY, left, observationOr());
        }
        return left;
    }

    private ObservationExpression observationOr() throws InvalidPatternException {
        ObservationExpression left = observationAnd();
        while (accept(TokenType.OR)) {
            left = new ObservationExpression.Combination(ObservationExpression.Operator.OR, left, observationAnd());
        }
        return left;
    }

    private ObservationExpression observationAnd() throws InvalidPatternException {
        ObservationExpression left = qualifiedObservation();
        while (accept(TokenType.AND)) {
            left = new ObservationExpression.Combination(ObservationExpression.Operator.AND, left,
                    qualifiedObservation());
        }
        return left;
    }

    private ObservationExpression qualifiedObservation() throws InvalidPatternException {
        ObservationExpression expression;
        if (accept(TokenType.LBRACK)) {
            ComparisonExpression comparison = comparisonOr();
            expect(TokenType.RBRACK, "']', AND or OR");
            expression = new ObservationExpression.Observation(comparison);
        } else if (peek().type() == TokenType.LPAREN) {
            Token open = next();
            enter(open);
            ObservationExpression inner = observationExpressions();
            expect(TokenType.RPAREN, "')', AND, OR, FOLLOWEDBY or a qualifier");
            depth--;
            expression = new ObservationExpression.Group(inner);
        } else {
            throw unexpected("'[' or '(' to start an observation");
        }
        while (true) {
            Qualifier qualifier = qualifier();
            if (qualifier == null) {
                return expression;
            }
            expression = new ObservationExpression.Qualified(expression, qualifier);
        }
    }

    private Qualifier qualifier() throws InvalidPatternException {
        if (accept(TokenType.WITHIN)) {
            Token amount = next();
            if (amount.type() != TokenType.INT_POS && amount.type() != TokenType.FLOAT_POS) {
                throw error("WITHIN needs a non-negative number of seconds, found " + amount.describe(), amount);
            }
            expect(TokenType.SECONDS, "SECONDS (the only unit WITHIN allows)");
            return new Qualifier.Within(new BigDecimal(amount.text()));
        }
        if (accept(TokenType.REPEATS)) {
            Token count = next();
            if (count.type() != TokenType.INT_POS) {
                throw error("REPEATS needs a non-negative integer, found " + count.describe(), count);
            }
            expect(TokenType.TIMES, "TIMES");
            return new Qualifier.Repeats(new BigInteger(count.text()));
        }
        if (accept(TokenType.START)) {
            Literal.TimestampValue start = timestamp("START");
            expect(TokenType.STOP, "STOP after START t'...'");
            return new Qualifier.StartStop(start, timestamp("STOP"));
        }
        return null;
    }

    private Literal.TimestampValue timestamp(String keyword) throws InvalidPatternException {
        Token token = next();
        if (token.type() != TokenType.TIMESTAMP) {
            throw error(keyword + " needs a timestamp t'YYYY-MM-DDTHH:MM:SS[.s]Z', found " + token.describe(), token);
        }
        return (Literal.TimestampValue) literal(token);
    }

    // ---- comparison level ----

    private ComparisonExpression comparisonOr() throws InvalidPatternException {
        ComparisonExpression left = comparisonAnd();
        while (accept(TokenType.OR)) {
            left = new ComparisonExpression.Combination(Junction.OR, left, comparisonAnd());
        }
        return left;
    }

    private ComparisonExpression comparisonAnd() throws InvalidPatternException {
        ComparisonExpression left = propertyTest();
        while (accept(TokenType.AND)) {
            left = new ComparisonExpression.Combination(Junction.AND, left, propertyTest());
        }
        return left;
    }

    private ComparisonExpression propertyTest() throws InvalidPatternException {
        if (peek().type() == TokenType.LPAREN) {
            Token open = next();
            enter(open);
            ComparisonExpression inner = comparisonOr();
            expect(TokenType.RPAREN, "')', AND or OR");
            depth--;
            return inner;
        }
        if (accept(TokenType.EXISTS)) {
            return new ComparisonExpression.Exists(objectPath());
        }
        ObjectPath path = objectPath();
        boolean negated = accept(TokenType.NOT);
        Token operator = next();
        return switch (operator.type()) {
            case EQ -> new ComparisonExpression.Test(path, negated, Operator.EQ, primitiveLiteral());
            case NEQ -> new ComparisonExpression.Test(path, negated, Operator.NEQ, primitiveLiteral());
            case LT -> new ComparisonExpression.Test(path, negated, Operator.LT, orderableLiteral());
            case LE -> new ComparisonExpression.Test(path, negated, Operator.LE, orderableLiteral());
            case GT -> new ComparisonExpression.Test(path, negated, Operator.GT, orderableLiteral());
            case GE -> new ComparisonExpression.Test(path, negated, Operator.GE, orderableLiteral());
            case IN -> new ComparisonExpression.Test(path, negated, Operator.IN, setLiteral());
            case LIKE -> new ComparisonExpression.Test(path, negated, Operator.LIKE, stringOperand("LIKE"));
            case MATCHES -> new ComparisonExpression.Test(path, negated, Operator.MATCHES, stringOperand("MATCHES"));
            case ISSUBSET -> new ComparisonExpression.Test(path, negated, Operator.ISSUBSET, stringOperand("ISSUBSET"));
            case ISSUPERSET ->
                    new ComparisonExpression.Test(path, negated, Operator.ISSUPERSET, stringOperand("ISSUPERSET"));
            default -> throw error("expected a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, "
                    + "ISSUPERSET) after " + path + ", found " + operator.describe(), operator);
        };
    }

    private ObjectPath objectPath() throws InvalidPatternException {
        Token type = next();
        if (type.type() != TokenType.IDENTIFIER && type.type() != TokenType.IDENTIFIER_WITH_HYPHEN) {
            throw error("expected an object type such as file or ipv4-addr, found " + type.describe(), type);
        }
        expect(TokenType.COLON, "':' between the object type and the property");
        List<ObjectPath.Step> steps = new ArrayList<>();
        steps.add(new ObjectPath.Property(propertyName("property name after '" + type.text() + ":'")));
        while (true) {
            if (accept(TokenType.DOT)) {
                steps.add(new ObjectPath.Property(propertyName("property name or quoted key after '.'")));
            } else if (accept(TokenType.LBRACK)) {
                Token index = next();
                switch (index.type()) {
                    case ASTERISK -> steps.add(new ObjectPath.AnyIndex());
                    case INT_POS, INT_NEG -> steps.add(new ObjectPath.Index(parseIndex(index)));
                    default -> throw error("a list index must be an integer or *, found " + index.describe(), index);
                }
                expect(TokenType.RBRACK, "']' after the list index");
            } else {
                return new ObjectPath(type.text(), steps);
            }
        }
    }

    private String propertyName(String what) throws InvalidPatternException {
        Token token = next();
        if (token.type() == TokenType.IDENTIFIER) {
            return token.text();
        }
        if (token.type() == TokenType.STRING) {
            return unescape(token.text());
        }
        String hint = token.type() == TokenType.IDENTIFIER_WITH_HYPHEN
                ? " (property names with '-' must be quoted, e.g. 'SHA-256')" : "";
        throw error("expected a " + what + ", found " + token.describe() + hint, token);
    }

    private long parseIndex(Token index) throws InvalidPatternException {
        try {
            return Long.parseLong(index.text());
        } catch (NumberFormatException e) {
            throw error("list index out of range: " + index.text(), index);
        }
    }

    // ---- literals ----

    private Literal primitiveLiteral() throws InvalidPatternException {
        Token token = next();
        if (token.type() == TokenType.BOOL || ORDERABLE.contains(token.type())) {
            return literal(token);
        }
        throw error(malformedPrefixedLiteral(token).orElse("expected a literal (string in single quotes, number, "
                + "true/false, b'..', h'..' or t'..'), found " + token.describe()), token);
    }

    private Literal orderableLiteral() throws InvalidPatternException {
        Token token = next();
        if (ORDERABLE.contains(token.type())) {
            return literal(token);
        }
        throw error(malformedPrefixedLiteral(token).orElse("expected a string, number, b'..', h'..' or t'..' "
                + "literal for an ordering comparison, found " + token.describe()), token);
    }

    /** A clearer reason when {@code token} is the prefix of a t'..', b'..' or h'..' literal the lexer could not read. */
    private Optional<String> malformedPrefixedLiteral(Token token) {
        if (token.type() != TokenType.IDENTIFIER || peek().type() != TokenType.STRING) {
            return Optional.empty();
        }
        return switch (token.text()) {
            case "t" -> Optional.of("malformed timestamp t" + peek().text()
                    + ": expected t'YYYY-MM-DDTHH:MM:SS[.fraction]Z' with month 01-12, day 01-31, hour 00-23, "
                    + "minute 00-59, second 00-60");
            case "b" -> Optional.of("malformed binary literal b" + peek().text()
                    + ": expected padded base64 in groups of four characters");
            case "h" -> Optional.of("malformed hex literal h" + peek().text()
                    + ": expected an even number of hex digits");
            default -> Optional.empty();
        };
    }

    private Literal stringOperand(String operator) throws InvalidPatternException {
        Token token = next();
        if (token.type() != TokenType.STRING) {
            throw error(operator + " needs a string literal in single quotes, found " + token.describe(), token);
        }
        return literal(token);
    }

    private Literal setLiteral() throws InvalidPatternException {
        expect(TokenType.LPAREN, "'(' to open the IN set");
        List<Literal> elements = new ArrayList<>();
        if (!accept(TokenType.RPAREN)) {
            do {
                elements.add(primitiveLiteral());
            } while (accept(TokenType.COMMA));
            expect(TokenType.RPAREN, "',' or ')' in the IN set");
        }
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < elements.size(); i++) {
            text.append(i == 0 ? "" : ",").append(elements.get(i).text());
        }
        return new Literal.SetValue(elements, text.append(')').toString());
    }

    private static Literal literal(Token token) {
        String text = token.text();
        return switch (token.type()) {
            case STRING -> new Literal.StringValue(unescape(text), text);
            case INT_POS, INT_NEG -> new Literal.IntegerValue(new BigInteger(text), text);
            case FLOAT_POS, FLOAT_NEG -> new Literal.FloatValue(new BigDecimal(text), text);
            case BOOL -> new Literal.BooleanValue(text.equals("true"), text);
            case BINARY -> new Literal.BinaryValue(text.substring(2, text.length() - 1), text);
            case HEX -> new Literal.HexValue(text.substring(2, text.length() - 1), text);
            case TIMESTAMP -> new Literal.TimestampValue(text.substring(2, text.length() - 1), text);
            default -> throw new IllegalStateException("not a literal token: " + token);
        };
    }

    /** The content of a string literal token: quotes removed, {@code \'} and {@code \\} unescaped. */
    static String unescape(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length() - 1) {
                c = quoted.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    // ---- token plumbing ----

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.type() != TokenType.EOF) {
            position++;
        }
        return token;
    }

    private boolean accept(TokenType type) {
        if (peek().type() == type) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(TokenType type, String what) throws InvalidPatternException {
        if (!accept(type)) {
            throw unexpected(what);
        }
    }

    private void enter(Token open) throws InvalidPatternException {
        if (++depth > MAX_NESTING) {
            throw error("parentheses nested deeper than " + MAX_NESTING, open);
        }
    }

    private InvalidPatternException unexpected(String what) {
        Token token = peek();
        return error("expected " + what + ", found " + token.describe(), token);
    }

    private static InvalidPatternException error(String reason, Token token) {
        return new InvalidPatternException(reason, token.column());
    }
}
