package dev.vigil.intel.stix.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a pattern into tokens the way the OASIS STIX 2.1 ANTLR lexer does: longest match wins, and among equally long
 * matches the earlier rule (keywords before identifiers, literals before both). Whitespace and comments are skipped;
 * characters no rule accepts become {@link TokenType#INVALID_CHARACTER} tokens, which the parser rejects.
 */
final class PatternLexer {

    private static final Map<String, TokenType> KEYWORDS = Map.ofEntries(
            Map.entry("AND", TokenType.AND), Map.entry("OR", TokenType.OR), Map.entry("NOT", TokenType.NOT),
            Map.entry("FOLLOWEDBY", TokenType.FOLLOWEDBY), Map.entry("LIKE", TokenType.LIKE),
            Map.entry("MATCHES", TokenType.MATCHES), Map.entry("ISSUPERSET", TokenType.ISSUPERSET),
            Map.entry("ISSUBSET", TokenType.ISSUBSET), Map.entry("EXISTS", TokenType.EXISTS),
            Map.entry("LAST", TokenType.LAST), Map.entry("IN", TokenType.IN), Map.entry("START", TokenType.START),
            Map.entry("STOP", TokenType.STOP), Map.entry("SECONDS", TokenType.SECONDS),
            Map.entry("true", TokenType.BOOL), Map.entry("false", TokenType.BOOL),
            Map.entry("WITHIN", TokenType.WITHIN), Map.entry("REPEATS", TokenType.REPEATS),
            Map.entry("TIMES", TokenType.TIMES));

    private final String input;
    private int position;

    private PatternLexer(String input) {
        this.input = input;
    }

    static List<Token> tokenize(String input) {
        PatternLexer lexer = new PatternLexer(input);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.type() != TokenType.EOF);
        return tokens;
    }

    private Token next() {
        skipWhitespaceAndComments();
        int start = position;
        if (start >= input.length()) {
            return new Token(TokenType.EOF, "", start);
        }
        char c = input.charAt(start);

        // Candidate literals; the longest of them and the identifier/keyword reading wins.
        int literalEnd = -1;
        TokenType literalType = null;
        if (c == '\'') {
            literalEnd = stringLiteralEnd(start);
            literalType = TokenType.STRING;
        } else if ((c == 'h' || c == 'b' || c == 't') && start + 1 < input.length() && input.charAt(start + 1) == '\'') {
            literalEnd = switch (c) {
                case 'h' -> hexLiteralEnd(start + 1);
                case 'b' -> binaryLiteralEnd(start + 1);
                default -> TimestampSyntax.literalEnd(input, start + 1);
            };
            literalType = c == 'h' ? TokenType.HEX : c == 'b' ? TokenType.BINARY : TokenType.TIMESTAMP;
        }
        if (literalEnd > 0) {
            return take(literalType, start, literalEnd);
        }
        if (isIdentifierStart(c)) {
            return identifierOrKeyword(start);
        }
        if (c == '+' || c == '-' || c == '.' || isDigit(c)) {
            Token number = number(start);
            if (number != null) {
                return number;
            }
        }
        return punctuation(start, c);
    }

    private Token identifierOrKeyword(int start) {
        int withoutHyphen = start + 1;
        while (withoutHyphen < input.length() && isIdentifierPart(input.charAt(withoutHyphen))) {
            withoutHyphen++;
        }
        int withHyphen = withoutHyphen;
        while (withHyphen < input.length()
                && (isIdentifierPart(input.charAt(withHyphen)) || input.charAt(withHyphen) == '-')) {
            withHyphen++;
        }
        if (withHyphen > withoutHyphen) {
            return take(TokenType.IDENTIFIER_WITH_HYPHEN, start, withHyphen);
        }
        TokenType keyword = KEYWORDS.get(input.substring(start, withoutHyphen));
        return take(keyword != null ? keyword : TokenType.IDENTIFIER, start, withoutHyphen);
    }

    /** Integer or float literal starting at {@code start}, or null when there is none (a lone sign or dot). */
    private Token number(int start) {
        int i = start;
        boolean negative = false;
        if (input.charAt(i) == '+' || input.charAt(i) == '-') {
            negative = input.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        while (i < input.length() && isDigit(input.charAt(i))) {
            i++;
        }
        int intDigitsEnd = i;
        // Float: [0-9]* '.' [0-9]+
        if (i < input.length() && input.charAt(i) == '.' && i + 1 < input.length() && isDigit(input.charAt(i + 1))) {
            int end = i + 1;
            while (end < input.length() && isDigit(input.charAt(end))) {
                end++;
            }
            return take(negative ? TokenType.FLOAT_NEG : TokenType.FLOAT_POS, start, end);
        }
        if (intDigitsEnd == digitsStart) {
            return null;
        }
        // Integer: '0' | [1-9][0-9]* -- a leading zero ends the literal after the zero.
        int end = input.charAt(digitsStart) == '0' ? digitsStart + 1 : intDigitsEnd;
        return take(negative ? TokenType.INT_NEG : TokenType.INT_POS, start, end);
    }

    private Token punctuation(int start, char c) {
        char next = start + 1 < input.length() ? input.charAt(start + 1) : '\0';
        return switch (c) {
            case '=' -> next == '=' ? take(TokenType.EQ, start, start + 2) : take(TokenType.EQ, start, start + 1);
            case '!' -> next == '=' ? take(TokenType.NEQ, start, start + 2)
                    : take(TokenType.INVALID_CHARACTER, start, start + 1);
            case '<' -> next == '=' ? take(TokenType.LE, start, start + 2)
                    : next == '>' ? take(TokenType.NEQ, start, start + 2) : take(TokenType.LT, start, start + 1);
            case '>' -> next == '=' ? take(TokenType.GE, start, start + 2) : take(TokenType.GT, start, start + 1);
            case '\'' -> take(TokenType.QUOTE, start, start + 1);
            case ':' -> take(TokenType.COLON, start, start + 1);
            case '.' -> take(TokenType.DOT, start, start + 1);
            case ',' -> take(TokenType.COMMA, start, start + 1);
            case ')' -> take(TokenType.RPAREN, start, start + 1);
            case '(' -> take(TokenType.LPAREN, start, start + 1);
            case ']' -> take(TokenType.RBRACK, start, start + 1);
            case '[' -> take(TokenType.LBRACK, start, start + 1);
            case '+' -> take(TokenType.PLUS, start, start + 1);
            case '-' -> take(TokenType.MINUS, start, start + 1);
            case '^' -> take(TokenType.POWER, start, start + 1);
            case '/' -> take(TokenType.DIVIDE, start, start + 1);
            case '*' -> take(TokenType.ASTERISK, start, start + 1);
            default -> take(TokenType.INVALID_CHARACTER, start, start + Character.charCount(input.codePointAt(start)));
        };
    }

    /** End (exclusive) of a string literal whose opening quote is at {@code start}, or -1. */
    private int stringLiteralEnd(int start) {
        int i = start + 1;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c == '\'') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 < input.length() && (input.charAt(i + 1) == '\'' || input.charAt(i + 1) == '\\')) {
                    i += 2;
                    continue;
                }
                return -1;
            }
            i++;
        }
        return -1;
    }

    private int hexLiteralEnd(int quote) {
        int i = quote + 1;
        int digits = 0;
        while (i < input.length() && isHexDigit(input.charAt(i))) {
            i++;
            digits++;
        }
        // TwoHexDigits*: an odd count cannot be followed by the closing quote.
        return i < input.length() && input.charAt(i) == '\'' && digits % 2 == 0 ? i + 1 : -1;
    }

    private int binaryLiteralEnd(int quote) {
        int i = quote + 1;
        int chars = 0;
        while (i < input.length() && isBase64Char(input.charAt(i))) {
            i++;
            chars++;
        }
        int padding = 0;
        while (i < input.length() && input.charAt(i) == '=' && padding < 2) {
            i++;
            padding++;
        }
        if (i >= input.length() || input.charAt(i) != '\'') {
            return -1;
        }
        // Groups of four, the last one possibly "xxx=" or "xx==", and at least one group.
        boolean valid = padding == 0 ? chars > 0 && chars % 4 == 0 : (chars + padding) % 4 == 0 && chars % 4 == 4 - padding;
        return valid ? i + 1 : -1;
    }

    private void skipWhitespaceAndComments() {
        while (position < input.length()) {
            char c = input.charAt(position);
            if (isWhitespace(c)) {
                position++;
            } else if (c == '/' && position + 1 < input.length() && input.charAt(position + 1) == '*') {
                int close = input.indexOf("*/", position + 2);
                if (close < 0) {
                    return; // unterminated: lexed as '/' '*' tokens, which the parser rejects
                }
                position = close + 2;
            } else if (c == '/' && position + 1 < input.length() && input.charAt(position + 1) == '/') {
                while (position < input.length() && input.charAt(position) != '\r' && input.charAt(position) != '\n') {
                    position++;
                }
            } else {
                return;
            }
        }
    }

    private Token take(TokenType type, int start, int end) {
        position = end;
        return new Token(type, input.substring(start, end), start);
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u000B' || c == '\u000C' || c == '\u0085'
                || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a') || c == '\u2028'
                || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isBase64Char(char c) {
        return isIdentifierStart(c) && c != '_' || isDigit(c) || c == '+' || c == '/';
    }
}
