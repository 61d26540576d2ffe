package dev.vigil.monitor.promql.parse;

import java.util.ArrayList;
import java.util.List;

/** Splits PromQL text into tokens; numbers immediately followed by a unit letter become durations. */
final class Lexer {

    private final String in;
    private int pos;

    Lexer(String input) {
        this.in = input;
    }

    List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= in.length()) {
                tokens.add(new Token(Token.Kind.EOF, "", pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < in.length() && in.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = in.charAt(pos);
        switch (c) {
            case '{': pos++; return new Token(Token.Kind.LBRACE, "{", start);
            case '}': pos++; return new Token(Token.Kind.RBRACE, "}", start);
            case '(': pos++; return new Token(Token.Kind.LPAREN, "(", start);
            case ')': pos++; return new Token(Token.Kind.RPAREN, ")", start);
            case '[': pos++; return new Token(Token.Kind.LBRACKET, "[", start);
            case ']': pos++; return new Token(Token.Kind.RBRACKET, "]", start);
            case ',': pos++; return new Token(Token.Kind.COMMA, ",", start);
            case '@': pos++; return new Token(Token.Kind.AT, "@", start);
            case '"', '\'', '`': return string(c);
            default: break;
        }
        if (c == ':' && !(pos + 1 < in.length() && isIdentStart(in.charAt(pos + 1)))) {
            pos++;
            return new Token(Token.Kind.COLON, ":", start);
        }
        for (String op : new String[] {"==", "!=", ">=", "<=", "=~", "!~", "+", "-", "*", "/", "%", "^", ">", "<", "="}) {
            if (in.startsWith(op, pos)) {
                pos += op.length();
                return new Token(Token.Kind.OPERATOR, op, start);
            }
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < in.length() && Character.isDigit(in.charAt(pos + 1)))) {
            return number();
        }
        if (isIdentStart(c)) {
            while (pos < in.length() && isIdentPart(in.charAt(pos))) {
                pos++;
            }
            return new Token(Token.Kind.IDENT, in.substring(start, pos), start);
        }
        throw new ParseException(in, start, "unexpected character '" + c + "'");
    }

    private Token number() {
        int start = pos;
        if (in.startsWith("0x", pos) || in.startsWith("0X", pos)) {
            pos += 2;
            while (pos < in.length() && Character.digit(in.charAt(pos), 16) >= 0) {
                pos++;
            }
            return new Token(Token.Kind.NUMBER, in.substring(start, pos), start);
        }
        while (pos < in.length() && Character.isDigit(in.charAt(pos))) {
            pos++;
        }
        if (pos < in.length() && isDurationUnit(pos)) {
            while (pos < in.length() && (Character.isDigit(in.charAt(pos)) || isDurationUnit(pos))) {
                pos += in.startsWith("ms", pos) ? 2 : 1;
            }
            return new Token(Token.Kind.DURATION, in.substring(start, pos), start);
        }
        if (pos < in.length() && in.charAt(pos) == '.') {
            pos++;
            while (pos < in.length() && Character.isDigit(in.charAt(pos))) {
                pos++;
            }
        }
        if (pos < in.length() && (in.charAt(pos) == 'e' || in.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < in.length() && (in.charAt(pos) == '+' || in.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < in.length() && Character.isDigit(in.charAt(pos))) {
                while (pos < in.length() && Character.isDigit(in.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = mark;
            }
        }
        if (pos < in.length() && isIdentPart(in.charAt(pos))) {
            throw new ParseException(in, start, "bad number or duration syntax: \"" + in.substring(start, pos + 1) + "\"");
        }
        return new Token(Token.Kind.NUMBER, in.substring(start, pos), start);
    }

    private boolean isDurationUnit(int at) {
        char c = in.charAt(at);
        if ("ywdhms".indexOf(c) < 0) {
            return false;
        }
        int after = in.startsWith("ms", at) ? at + 2 : at + 1;
        // A colon may follow directly in a subquery such as [5m:1m].
        return after >= in.length() || !isIdentPart(in.charAt(after)) || Character.isDigit(in.charAt(after))
                || in.charAt(after) == ':';
    }

    private Token string(char quote) {
        int start = pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= in.length()) {
                throw new ParseException(in, start, "unterminated quoted string");
            }
            char c = in.charAt(pos++);
            if (c == quote) {
                return new Token(Token.Kind.STRING, out.toString(), start);
            }
            if (quote != '`' && c == '\n') {
                throw new ParseException(in, start, "unterminated quoted string");
            }
            if (c == '\\' && quote != '`') {
                if (pos >= in.length()) {
                    throw new ParseException(in, start, "unterminated quoted string");
                }
                char e = in.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'v' -> out.append('\u000b');
                    case '\\', '"', '\'' -> out.append(e);
                    case 'x' -> out.append((char) hex(start, 2));
                    case 'u' -> out.append((char) hex(start, 4));
                    case 'U' -> out.appendCodePoint(hex(start, 8));
                    default -> throw new ParseException(in, pos - 2, "unknown escape sequence \\" + e);
                }
            } else {
                out.append(c);
            }
        }
    }

    private int hex(int start, int digits) {
        if (pos + digits > in.length()) {
            throw new ParseException(in, start, "unterminated escape sequence");
        }
        try {
            int value = Integer.parseUnsignedInt(in.substring(pos, pos + digits), 16);
            pos += digits;
            if (value > Character.MAX_CODE_POINT || value < 0) {
                throw new ParseException(in, pos - digits, "invalid code point in escape sequence");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ParseException(in, pos, "invalid escape sequence");
        }
    }

    private static boolean isIdentStart(char c) {
        return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
