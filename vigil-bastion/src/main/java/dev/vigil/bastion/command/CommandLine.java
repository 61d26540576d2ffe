package dev.vigil.bastion.command;

/**
 * A line the operator entered, as the terminal showed it after the prompt. {@code secret} lines were typed while the
 * terminal did not echo (a password prompt): their text is empty and their input must be masked.
 */
public record CommandLine(String text, boolean secret) {
}
