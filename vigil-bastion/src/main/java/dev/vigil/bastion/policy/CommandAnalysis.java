package dev.vigil.bastion.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What the analyser made of a line: the commands that will run, the shell constructs used, and the concerns. */
public record CommandAnalysis(String line, List<CommandUnit> units, Set<Construct> constructs, List<Finding> lineFindings,
        List<String> heredocs) {

    public CommandAnalysis {
        units = List.copyOf(units);
        constructs = Set.copyOf(constructs);
        lineFindings = List.copyOf(lineFindings);
        heredocs = List.copyOf(heredocs);
    }

    /** Every finding: the line's and its commands'. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>(lineFindings);
        units.forEach(unit -> all.addAll(unit.findings()));
        return all;
    }

    public List<String> programs() {
        return units.stream().map(CommandUnit::program).filter(p -> p != null).distinct().toList();
    }
}
