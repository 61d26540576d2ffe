package dev.vigil.intel.stix.pattern;

/** Token kinds of the STIX 2.1 patterning grammar (names follow the OASIS ANTLR grammar's lexer rules). */
enum TokenType {
    INT_NEG("integer"),
    INT_POS("integer"),
    FLOAT_NEG("float"),
    FLOAT_POS("float"),
    HEX("hex literal"),
    BINARY("binary literal"),
    STRING("string literal"),
    BOOL("boolean"),
    TIMESTAMP("timestamp literal"),
    AND("AND"),
    OR("OR"),
    NOT("NOT"),
    FOLLOWEDBY("FOLLOWEDBY"),
    LIKE("LIKE"),
    MATCHES("MATCHES"),
    ISSUPERSET("ISSUPERSET"),
    ISSUBSET("ISSUBSET"),
    EXISTS("EXISTS"),
    LAST("LAST"),
    IN("IN"),
    START("START"),
    STOP("STOP"),
    SECONDS("SECONDS"),
    WITHIN("WITHIN"),
    REPEATS("REPEATS"),
    TIMES("TIMES"),
    IDENTIFIER("identifier"),
    IDENTIFIER_WITH_HYPHEN("identifier"),
    EQ("'='"),
    NEQ("'!='"),
    LT("'<'"),
    LE("'<='"),
    GT("'>'"),
    GE("'>='"),
    QUOTE("'"),
    COLON("':'"),
    DOT("'.'"),
    COMMA("','"),
    RPAREN("')'"),
    LPAREN("'('"),
    RBRACK("']'"),
    LBRACK("'['"),
    PLUS("'+'"),
    MINUS("'-'"),
    POWER("'^'"),
    DIVIDE("'/'"),
    ASTERISK("'*'"),
    INVALID_CHARACTER("invalid character"),
    EOF("end of pattern");

    private final String description;

    TokenType(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
