package dev.vigil.monitor.promql.parse;

/** A lexical token with its start offset in the input. */
record Token(Kind kind, String text, int position) {

    enum Kind { NUMBER, DURATION, STRING, IDENT, OPERATOR, LBRACE, RBRACE, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, COLON, AT, EOF }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }
}
