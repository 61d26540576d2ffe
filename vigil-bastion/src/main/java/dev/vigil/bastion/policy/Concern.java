package dev.vigil.bastion.policy;

/**
 * Why a filter reading the line cannot judge a command soundly. {@link Weight#OPAQUE} concerns hide what will run (a
 * deny-list cannot see through them); {@link Weight#ESCAPE_HATCH} concerns start something that can run further
 * commands unseen (an editor's {@code :!}, a pager's {@code !}, an interpreter), which an allow-list must not admit
 * without review.
 */
public enum Concern {
    PROGRAM_HIDDEN(Weight.OPAQUE, "the program is only known after expansion"),
    PIPE_INTO_INTERPRETER(Weight.OPAQUE, "piped into an interpreter, which runs what it reads"),
    EVALUATES_TEXT(Weight.OPAQUE, "evaluates text built at run time"),
    UNKNOWN_WRAPPER(Weight.OPAQUE, "runs another command in a way the analyser does not unwrap"),
    HISTORY_EXPANSION(Weight.OPAQUE, "history expansion: the shell substitutes earlier commands"),
    INCOMPLETE(Weight.OPAQUE, "the line is incomplete (open quote, here-document or continuation)"),
    FILE_TRANSFER(Weight.OPAQUE, "file transfer over the command channel"),
    TOO_DEEP(Weight.OPAQUE, "nested too deeply to analyse"),
    UNECHOED(Weight.OPAQUE, "typed while the terminal did not echo: the command is unknown"),
    LAUNCHES_EDITOR(Weight.ESCAPE_HATCH, "starts an editor, which can run commands"),
    LAUNCHES_PAGER(Weight.ESCAPE_HATCH, "starts a pager, which can run commands"),
    LAUNCHES_INTERPRETER(Weight.ESCAPE_HATCH, "starts an interpreter or shell"),
    RUNS_SCRIPT(Weight.ESCAPE_HATCH, "runs a script whose content the filter does not see"),
    RUNS_COMMANDS(Weight.ESCAPE_HATCH, "can run further commands (find -exec, git -c, awk system())"),
    ARGUMENTS_FROM_INPUT(Weight.ESCAPE_HATCH, "takes arguments from its input (xargs)"),
    SHELL_SYNTAX(Weight.ESCAPE_HATCH, "uses shell syntax that restricted mode does not admit");

    /** How a concern weighs in a decision. */
    public enum Weight { OPAQUE, ESCAPE_HATCH }

    private final Weight weight;
    private final String description;

    Concern(Weight weight, String description) {
        this.weight = weight;
        this.description = description;
    }

    public Weight weight() {
        return weight;
    }

    public String description() {
        return description;
    }
}
