package dev.vigil.bastion.command;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Reconstructs the commands of an interactive session from what the target's terminal displays rather than from raw
 * keystrokes, so line editing, tab completion and history recall count as the shell shows them. Each Enter closes a
 * typed line; the line feed on which the terminal shows that line (the row ends with what was typed, or, after editing
 * keys, the row as displayed minus the prompt) yields the command. Output that arrives between Enter and the echo
 * (type-ahead while a banner prints, several pasted lines) is told apart because its row does not end with the typing.
 * Typing that was never echoed (a password prompt) is reported as a secret line. Full-screen programs pause
 * reconstruction.
 *
 * <p>Limits (documented for operators): input to programs other than the shell (a {@code cat} reading stdin) counts as
 * a line too; a line the editor wraps over several rows is followed only on its last row.
 */
public final class CommandReconstructor {

    /** What was typed for one line: its plain text while only printable keys were used (null after editing keys). */
    private static final class Typed {
        StringBuilder plain = new StringBuilder();
        int printable;
    }

    private final TerminalLine screen;
    private final Consumer<CommandLine> sink;
    private final Deque<Typed> entered = new ArrayDeque<>();
    private Typed typing = new Typed();
    private String prompt;
    private boolean abandoned;
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
                entered.clear();
                typing = new Typed();
                prompt = null;
                abandoned = false;
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
            if (prompt == null && entered.isEmpty()) {
                prompt = screen.text();
            }
            if (c == '\r' || c == '\n') {
                entered.add(typing);
                typing = new Typed();
            } else if (c == '\u0003' || c == '\u0004') {
                abandoned = true;
                typing = new Typed();
            } else if (c >= ' ' && c != '\u007f') {
                typing.printable++;
                if (typing.plain != null) {
                    typing.plain.append(c);
                }
            } else {
                typing.plain = null;
            }
        }
    }

    /**
     * The line being typed, as the terminal shows it now (for a check before Enter reaches the target): the typed text
     * when the row ends with it, else the row minus the prompt. {@code typed} is false when nothing was typed since the
     * prompt; {@code echoed} false while the row does not (yet) show plain typing.
     */
    public synchronized PendingLine pending() {
        String row = screen.text();
        String plain = typing.plain == null ? null : typing.plain.toString().strip();
        if (typing.plain != null && typing.printable == 0) {
            return new PendingLine("", false, true);
        }
        if (plain != null && !plain.isEmpty() && row.stripTrailing().endsWith(plain)) {
            return new PendingLine(plain, true, true);
        }
        String shown = (prompt != null && row.startsWith(prompt) ? row.substring(prompt.length()) : row).strip();
        return new PendingLine(shown, true, false);
    }

    /** The line being typed was refused and will be cleared on the target (Ctrl-C): forget it. */
    public synchronized void discard() {
        typing = new Typed();
        abandoned = true;
    }

    /** Whether an Enter has not been followed by the terminal's line feed yet. */
    public synchronized boolean awaitingLineFeed() {
        return !entered.isEmpty();
    }

    /** Bytes the target's terminal displayed, decoded. */
    public synchronized void output(CharSequence shown) {
        screen.feed(shown);
    }

    private void onLineFeed(String row) {
        if (fullScreen) {
            return;
        }
        Typed line = entered.peek();
        if (line == null) {
            if (abandoned) {
                prompt = null;
                abandoned = false;
            }
            return;
        }
        String plain = line.plain == null ? null : line.plain.toString().strip();
        boolean promptOnly = row.equals(prompt) || prompt == null && line.printable > 0 && row.isBlank();
        if (plain != null && !plain.isEmpty() && !promptOnly && !row.stripTrailing().endsWith(plain)) {
            return;
        }
        entered.poll();
        String text = plain != null && !plain.isEmpty() && !promptOnly ? plain
                : (prompt != null && row.startsWith(prompt) ? row.substring(prompt.length()) : row).strip();
        if (promptOnly && line.printable > 0) {
            sink.accept(new CommandLine("", true));
        } else if (!text.isEmpty()) {
            sink.accept(new CommandLine(text, false));
        }
        prompt = null;
        abandoned = false;
    }
}
