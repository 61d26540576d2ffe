package dev.vigil.bastion.policy;

import java.util.List;
import java.util.Set;

/**
 * One simple command of a line: its words (assignments and redirections taken out), the operator that joined it to
 * the previous command ({@code ""} for the first, else {@code ;}, {@code &&}, {@code ||}, {@code |}, {@code |&},
 * {@code &}, a newline or a parenthesis), its source text, and the bodies of the command substitutions in it, which
 * run too.
 */
public record SimpleCommand(List<Word> words, List<String> assignments, List<String> redirections, String joinedBy, String source,
        Set<Construct> constructs, List<String> substitutions) {

    public SimpleCommand {
        words = List.copyOf(words);
        assignments = List.copyOf(assignments);
        redirections = List.copyOf(redirections);
        constructs = Set.copyOf(constructs);
        substitutions = List.copyOf(substitutions);
    }

    /** Whether its standard input comes from the previous command's output. */
    public boolean readsPipe() {
        return joinedBy.equals("|") || joinedBy.equals("|&");
    }
}
