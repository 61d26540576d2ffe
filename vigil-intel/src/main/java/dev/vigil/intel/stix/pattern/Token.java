package dev.vigil.intel.stix.pattern;

/** A lexed token with its text and 0-based column in the pattern. */
record Token(TokenType type, String text, int column) {

    String describe() {
        return type == TokenType.EOF ? "end of pattern" : "'" + text + "'";
    }
}
