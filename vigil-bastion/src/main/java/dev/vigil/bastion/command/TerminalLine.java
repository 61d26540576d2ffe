package dev.vigil.bastion.command;

/**
 * The cursor row of a terminal, enough of VT100/xterm to follow what a line editor (readline, zle, libedit) draws:
 * printing, carriage return, backspace, tab, cursor left/right/column, erase and insert/delete characters. A line feed
 * hands the finished row to the listener and starts an empty one. Alternate-screen programs (vim, less, top) are
 * reported so that their redraws are not taken for command lines.
 */
public final class TerminalLine {

    /** Told about every line feed (with the row as it looked) and about alternate-screen switches. */
    public interface Listener {
        void lineFeed(String row);

        void alternateScreen(boolean on);
    }

    private enum State { TEXT, ESCAPE, CSI, OSC, OSC_ESCAPE, SKIP_ONE }

    private final StringBuilder row = new StringBuilder();
    private final StringBuilder parameters = new StringBuilder();
    private final Listener listener;
    private State state = State.TEXT;
    private int cursor;

    public TerminalLine(Listener listener) {
        this.listener = listener;
    }

    /** The row as displayed, without trailing blanks. */
    public String text() {
        int end = row.length();
        while (end > 0 && row.charAt(end - 1) == ' ') {
            end--;
        }
        return row.substring(0, end);
    }

    public void feed(CharSequence output) {
        for (int i = 0; i < output.length(); i++) {
            feed(output.charAt(i));
        }
    }

    private void feed(char c) {
        switch (state) {
            case TEXT -> text(c);
            case ESCAPE -> escape(c);
            case CSI -> csi(c);
            case OSC -> {
                if (c == '\u0007') {
                    state = State.TEXT;
                } else if (c == '\u001b') {
                    state = State.OSC_ESCAPE;
                }
            }
            case OSC_ESCAPE -> state = c == '\\' ? State.TEXT : State.OSC;
            case SKIP_ONE -> state = State.TEXT;
        }
    }

    private void text(char c) {
        switch (c) {
            case '\u001b' -> state = State.ESCAPE;
            case '\r' -> cursor = 0;
            case '\n' -> {
                String finished = text();
                row.setLength(0);
                cursor = 0;
                listener.lineFeed(finished);
            }
            case '\b' -> cursor = Math.max(0, cursor - 1);
            case '\t' -> moveTo((cursor / 8 + 1) * 8);
            default -> {
                if (c >= ' ' && c != '\u007f') {
                    put(c);
                }
            }
        }
    }

    private void escape(char c) {
        switch (c) {
            case '[' -> {
                parameters.setLength(0);
                state = State.CSI;
            }
            case ']', 'P', '_', '^' -> state = State.OSC;
            case '(', ')', '*', '+', '#', '%' -> state = State.SKIP_ONE;
            default -> state = State.TEXT;
        }
    }

    private void csi(char c) {
        if (c >= 0x40 && c <= 0x7e) {
            state = State.TEXT;
            control(c, parameters.toString());
        } else {
            parameters.append(c);
        }
    }

    private void control(char command, String params) {
        if (params.startsWith("?")) {
            if ((command == 'h' || command == 'l') && isAlternateScreen(params.substring(1))) {
                row.setLength(0);
                cursor = 0;
                listener.alternateScreen(command == 'h');
            }
            return;
        }
        int n = firstNumber(params, 1);
        switch (command) {
            case 'C' -> moveTo(cursor + Math.max(1, n));
            case 'D' -> cursor = Math.max(0, cursor - Math.max(1, n));
            case 'G' -> moveTo(Math.max(1, n) - 1);
            case 'K' -> eraseInLine(firstNumber(params, 0));
            case 'P' -> {
                int end = Math.min(row.length(), cursor + Math.max(1, n));
                if (cursor < row.length()) {
                    row.delete(cursor, end);
                }
            }
            case '@' -> {
                if (cursor < row.length()) {
                    row.insert(cursor, " ".repeat(Math.max(1, n)));
                }
            }
            case 'X' -> {
                for (int i = cursor; i < Math.min(row.length(), cursor + Math.max(1, n)); i++) {
                    row.setCharAt(i, ' ');
                }
            }
            case 'J' -> {
                if (firstNumber(params, 0) >= 2) {
                    row.setLength(0);
                    cursor = 0;
                }
            }
            default -> {
                // colours (m), cursor up/down and the rest do not change the characters of this row
            }
        }
    }

    private void eraseInLine(int mode) {
        switch (mode) {
            case 0 -> {
                if (cursor < row.length()) {
                    row.setLength(cursor);
                }
            }
            case 1 -> {
                for (int i = 0; i <= Math.min(cursor, row.length() - 1); i++) {
                    row.setCharAt(i, ' ');
                }
            }
            default -> row.setLength(0);
        }
    }

    private void put(char c) {
        moveTo(cursor);
        if (cursor < row.length()) {
            row.setCharAt(cursor, c);
        } else {
            row.append(c);
        }
        cursor++;
    }

    private void moveTo(int column) {
        cursor = Math.max(0, Math.min(column, 4096));
        while (row.length() < cursor) {
            row.append(' ');
        }
    }

    private static boolean isAlternateScreen(String modes) {
        for (String mode : modes.split(";")) {
            if (mode.equals("1049") || mode.equals("1047") || mode.equals("47")) {
                return true;
            }
        }
        return false;
    }

    private static int firstNumber(String params, int fallback) {
        int end = 0;
        while (end < params.length() && Character.isDigit(params.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 6) {
            return fallback;
        }
        return Integer.parseInt(params, 0, end, 10);
    }
}
