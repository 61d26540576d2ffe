package dev.vigil.bastion.command;

import java.util.function.Consumer;

/**
 * Reconstructs the commands of an interactive session from what the target's terminal displays rather than from raw
 * keystrokes, so line editing, tab completion and history recall count as the shell shows them. The prompt is the row
 * as it stood when the operator began typing; a command is the row minus that prompt at the line feed that follows
 * Enter. Typing that was never echoed is reported as a secret line. Full-screen programs pause reconstruction.
 *
 * <p>Limits (documented for operators): input to programs other than the shell (a {@code cat} reading stdin) counts as
 * a line too; a line the editor wraps over several rows is followed only on its last row.
 */
public final class CommandReconstructor {

    private final TerminalLine screen;
    private final Consumer<CommandLine> sink;
    private String prompt;
    private int pendingEnters;
    private int typedPrintable;
    private boolean abandoned;
    /** The keys of the line when they were plain printable text (no editing keys), else null: used to tell type-ahead apart. */
    private StringBuilder plainTyping = new StringBuilder();
    private boolean fullScreen;

    public CommandReconstructor(Consumer<CommandLine> sink) {
        this.sink = sink;
        this.screen = new TerminalLine(new TerminalLine.Listener() {
            @Override
            public void lineFeed(String row) {
                onLineFeed(row);
            }

            @Override
            public void alternateScreen(boolean on) {
                fullScreen = on;
                reset();
            }
        });
    }

    /** Bytes the operator sent, decoded. */
    public synchronized void input(CharSequence typed) {
        if (fullScreen) {
            return;
        }
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (prompt == null) {
                prompt = screen.text();
            }
            if (c == '\r' || c == '\n') {
                pendingEnters++;
            } else if (c == '\u0003' || c == '\u0004') {
                abandoned = true;
            } else if (c >= ' ' && c != '\u007f') {
                typedPrintable++;
            }
            boolean plain = c >= ' ' && c != '\u007f' && pendingEnters == 0 || (c == '\r' || c == '\n') && pendingEnters == 1;
            if (plainTyping != null && !plain) {
                plainTyping = null;
            } else if (plainTyping != null && pendingEnters == 0) {
                plainTyping.append(c);
            }
        }
    }

    /** Bytes the target's terminal displayed, decoded. */
    public synchronized void output(CharSequence shown) {
        screen.feed(shown);
    }

    private void onLineFeed(String row) {
        if (fullScreen) {
            return;
        }
        if (pendingEnters > 0 && isOtherOutput(row)) {
            return;
        }
        if (pendingEnters > 0) {
            String text = (prompt != null && row.startsWith(prompt) ? row.substring(prompt.length()) : row).strip();
            if (!text.isEmpty()) {
                sink.accept(new CommandLine(text, false));
            } else if (typedPrintable > 0) {
                sink.accept(new CommandLine("", true));
            }
            pendingEnters--;
            reset();
        } else if (abandoned) {
            reset();
        }
    }

    /**
     * Output that reached the terminal after Enter was typed but before the typed line was echoed (type-ahead while a
     * login banner prints): the row holds something other than the prompt and does not end with the plain typing.
     */
    private boolean isOtherOutput(String row) {
        if (plainTyping == null || plainTyping.isEmpty() || row.equals(prompt)) {
            return false;
        }
        return !row.stripTrailing().endsWith(plainTyping.toString().strip());
    }

    private void reset() {
        plainTyping = new StringBuilder();
        prompt = null;
        typedPrintable = 0;
        abandoned = false;
        if (fullScreen) {
            pendingEnters = 0;
        }
    }
}
