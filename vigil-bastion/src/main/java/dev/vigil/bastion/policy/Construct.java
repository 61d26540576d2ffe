package dev.vigil.bastion.policy;

/** Shell syntax whose effect a filter that only reads the line cannot fully know (or that joins several commands). */
public enum Construct {
    QUOTING("quotes"),
    ESCAPE("backslash escape"),
    ANSI_C_QUOTING("ANSI-C quoting $'...'"),
    VARIABLE("variable expansion"),
    COMMAND_SUBSTITUTION("command substitution"),
    PROCESS_SUBSTITUTION("process substitution"),
    ARITHMETIC("arithmetic expansion"),
    GLOB("glob"),
    BRACE_EXPANSION("brace expansion"),
    TILDE("tilde expansion"),
    HISTORY_EXPANSION("history expansion"),
    REDIRECTION("redirection"),
    HEREDOC("here-document"),
    SUBSHELL("subshell or group"),
    COMPOUND("compound command (loop, case, function)"),
    ASSIGNMENT("variable assignment"),
    LIST("command list (; && || newline)"),
    PIPE("pipe"),
    BACKGROUND("background job (&)"),
    COMMENT("comment"),
    INCOMPLETE("incomplete line (open quote, here-document or continuation)");

    private final String label;

    Construct(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
