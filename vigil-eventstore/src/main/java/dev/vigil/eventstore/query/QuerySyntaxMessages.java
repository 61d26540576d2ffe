package dev.vigil.eventstore.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.IndexSearcher;

/** Turns the classic parser's errors into one sentence a user can act on: where (1-based position) and what. */
final class QuerySyntaxMessages {
    private static final Pattern LEXICAL_POSITION = Pattern.compile("column (\\d+)");

    private QuerySyntaxMessages() {
    }

    static String describe(String query, ParseException wrapper) {
        Throwable cause = wrapper.getCause() != null ? wrapper.getCause() : wrapper;
        return switch (cause) {
            case InvalidQueryValueException invalid -> "Invalid query: " + invalid.getMessage();
            case ParseException grammar when grammar.currentToken != null -> unexpectedToken(query, grammar.currentToken.next);
            case TokenMgrError lexical -> lexical(lexical.getMessage());
            case IndexSearcher.TooManyClauses tooMany -> "Invalid query: it has too many clauses (at most "
                    + IndexSearcher.getMaxClauseCount() + ")";
            default -> "Invalid query: " + firstSentence(cause.getMessage());
        };
    }

    private static String unexpectedToken(String query, Token token) {
        // the classic parser's character stream counts columns from 0 over the whole text, ignoring lines
        int position = token.beginColumn + 1;
        if (token.kind == QueryParserConstants.EOF) {
            return "Invalid query: it ends too early, at position " + (query.length() + 1)
                    + " (a missing value after ':' or an operator, or an unclosed '(' or '['?)";
        }
        String hint = switch (token.kind) {
            case QueryParserConstants.RPAREN -> " (a ')' without its '('?)";
            case QueryParserConstants.COLON -> " (a field name needs a value after ':'; quote values that contain ':')";
            case QueryParserConstants.AND, QueryParserConstants.OR -> " (an operator needs a term on both sides)";
            case QueryParserConstants.RANGEIN_END, QueryParserConstants.RANGEEX_END -> " (a range is written [low TO high])";
            default -> "";
        };
        return "Invalid query: unexpected '" + token.image + "' at position " + position + hint;
    }

    private static String lexical(String message) {
        Matcher at = LEXICAL_POSITION.matcher(message == null ? "" : message);
        String where = at.find() ? " at position " + at.group(1) : "";
        if (message != null && message.contains("<EOF>")) {
            return "Invalid query: it ends inside a quoted phrase, a /regular expression/ or after a '\\'" + where
                    + " (close the quote; write a '/' in a value as '\\/')";
        }
        return "Invalid query: a character cannot be read" + where;
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "it cannot be read";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
