package dev.vigil.bastion.policy;

import java.util.List;
import java.util.Set;

/** A line split into simple commands; here-document bodies are kept apart as data. */
public record ParsedLine(List<SimpleCommand> commands, List<String> heredocs, Set<Construct> constructs) {

    public ParsedLine {
        commands = List.copyOf(commands);
        heredocs = List.copyOf(heredocs);
        constructs = Set.copyOf(constructs);
    }

    /** The shell would wait for more input before running anything (open quote, here-document, trailing pipe). */
    public boolean incomplete() {
        return constructs.contains(Construct.INCOMPLETE);
    }
}
