package dev.vigil.bastion.template;

/** POSIX shell quoting: a value becomes exactly one word that the shell takes literally, whatever it holds. */
public final class ShellQuote {

    private ShellQuote() {
    }

    /** {@code abc} → {@code 'abc'}; a single quote inside becomes {@code '\''} (close, escaped quote, reopen). */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
