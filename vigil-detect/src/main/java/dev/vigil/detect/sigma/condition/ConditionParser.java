package dev.vigil.detect.sigma.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vigil.detect.sigma.condition.ConditionNode.And;
import dev.vigil.detect.sigma.condition.ConditionNode.Identifier;
import dev.vigil.detect.sigma.condition.ConditionNode.Not;
import dev.vigil.detect.sigma.condition.ConditionNode.Or;

/**
 * Recursive-descent parser for Sigma conditions. Precedence from loosest to tightest: {@code or}, {@code and},
 * {@code not}, {@code x of}, parentheses. {@code 1 of}/{@code any of}/{@code all of} take a pattern ({@code *} anywhere) or
 * {@code them}; both ignore identifiers starting with {@code _}. A quantifier that covers no identifier yields nothing and
 * is dropped from the enclosing operator, as the reference implementation does.
 */
public final class ConditionParser {

    private static final Pattern TOKEN = Pattern.compile("\\s*(?:(\\()|(\\))|([A-Za-z0-9_*\\-]+)|(\\S))");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final Pattern QUANTIFIER_PATTERN = Pattern.compile("[A-Za-z0-9*_]+");

    private final Set<String> identifiers;
    private List<String> tokens;
    private int position;

    private ConditionParser(Set<String> identifiers) {
        this.identifiers = identifiers;
    }

    /**
     * @param condition   the condition text
     * @param identifiers the detection identifiers defined by the rule
     * @return the tree, never null
     * @throws ConditionException with a reason when the condition is malformed or references unknown identifiers
     */
    public static ConditionNode parse(String condition, Set<String> identifiers) {
        ConditionParser parser = new ConditionParser(identifiers);
        parser.tokens = tokenize(condition);
        if (parser.tokens.isEmpty()) {
            throw new ConditionException("empty condition");
        }
        ConditionNode node = parser.parseOr();
        if (parser.position < parser.tokens.size()) {
            throw new ConditionException("unexpected '" + parser.tokens.get(parser.position) + "' in condition '"
                    + condition + "'");
        }
        if (node == null) {
            throw new ConditionException("condition '" + condition + "' covers no detection identifier");
        }
        return node;
    }

    private static List<String> tokenize(String condition) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(condition);
        int end = 0;
        while (end < condition.length() && m.find(end) && m.start() == end) {
            if (m.group(4) != null) {
                String c = m.group(4);
                throw new ConditionException("|".equals(c)
                        ? "aggregation expressions ('|' in a condition) are not part of Sigma v2; use a correlation rule"
                        : "unexpected character '" + c + "' in condition '" + condition + "'");
            }
            tokens.add(m.group(1) != null ? "(" : m.group(2) != null ? ")" : m.group(3));
            end = m.end();
        }
        return tokens;
    }

    private String peek() {
        return position < tokens.size() ? tokens.get(position) : null;
    }

    private String next(String expected) {
        if (position >= tokens.size()) {
            throw new ConditionException("condition ends where " + expected + " was expected");
        }
        return tokens.get(position++);
    }

    private ConditionNode parseOr() {
        List<ConditionNode> operands = new ArrayList<>();
        add(operands, parseAnd());
        while ("or".equals(peek())) {
            position++;
            add(operands, parseAnd());
        }
        return combine(operands, false);
    }

    private ConditionNode parseAnd() {
        List<ConditionNode> operands = new ArrayList<>();
        add(operands, parseNot());
        while ("and".equals(peek())) {
            position++;
            add(operands, parseNot());
        }
        return combine(operands, true);
    }

    private ConditionNode parseNot() {
        if ("not".equals(peek())) {
            position++;
            ConditionNode operand = parseNot();
            return operand == null ? null : new Not(operand);
        }
        return parsePrimary();
    }

    private ConditionNode parsePrimary() {
        String token = next("an identifier, quantifier or '('");
        if ("(".equals(token)) {
            ConditionNode inner = parseOr();
            if (!")".equals(next("')'"))) {
                throw new ConditionException("missing ')' in condition");
            }
            return inner;
        }
        if ("1".equals(token) || "any".equals(token) || "all".equals(token)) {
            if ("of".equals(peek())) {
                position++;
                return quantifier(!"all".equals(token), next("a pattern or 'them' after 'of'"));
            }
        }
        if (isKeyword(token) || ")".equals(token)) {
            throw new ConditionException("unexpected '" + token + "' in condition");
        }
        if (!IDENTIFIER.matcher(token).matches()) {
            throw new ConditionException("'" + token + "' is not an identifier (patterns need '1 of' or 'all of')");
        }
        if (!identifiers.contains(token)) {
            throw new ConditionException("condition references undefined identifier '" + token + "'");
        }
        return new Identifier(token);
    }

    private static boolean isKeyword(String token) {
        return switch (token) {
            case "and", "or", "not", "of", "them" -> true;
            default -> false;
        };
    }

    private ConditionNode quantifier(boolean any, String target) {
        List<ConditionNode> covered = new ArrayList<>();
        if ("them".equals(target)) {
            identifiers.stream().filter(id -> !id.startsWith("_")).sorted().forEach(id -> covered.add(new Identifier(id)));
        } else {
            if (!QUANTIFIER_PATTERN.matcher(target).matches()) {
                throw new ConditionException("'" + target + "' is not a valid identifier pattern");
            }
            Pattern pattern = Pattern.compile(Pattern.quote(target).replace("*", "\\E.*\\Q"));
            identifiers.stream().filter(id -> !id.startsWith("_") && pattern.matcher(id).matches()).sorted()
                    .forEach(id -> covered.add(new Identifier(id)));
        }
        return combine(covered, !any);
    }

    private static void add(List<ConditionNode> operands, ConditionNode node) {
        if (node != null) {
            operands.add(node);
        }
    }

    private static ConditionNode combine(List<ConditionNode> operands, boolean and) {
        if (operands.isEmpty()) {
            return null;
        }
        if (operands.size() == 1) {
            return operands.get(0);
        }
        return and ? new And(operands) : new Or(operands);
    }
}
