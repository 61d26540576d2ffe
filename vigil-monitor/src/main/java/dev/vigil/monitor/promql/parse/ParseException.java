package dev.vigil.monitor.promql.parse;

/** A PromQL syntax error; the message names the 1-based line and column of the offending input. */
public final class ParseException extends RuntimeException {

    private final int position;

    public ParseException(String input, int position, String problem) {
        super(locate(input, position) + ": " + problem);
        this.position = position;
    }

    public int position() {
        return position;
    }

    private static String locate(String input, int position) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(position, input.length()); i++) {
            if (input.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }
}
