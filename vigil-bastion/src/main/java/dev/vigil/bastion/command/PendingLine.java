package dev.vigil.bastion.command;

/**
 * The line in the operator's terminal before Enter reaches the target: its text as shown, whether anything was typed
 * since the prompt, and whether the terminal has shown the typing (false for a password prompt or before the echo).
 */
public record PendingLine(String text, boolean typed, boolean echoed) {

    /** Typed but nothing of it shown: the terminal did not echo. */
    public boolean unechoed() {
        return typed && text.isEmpty();
    }
}
