package dev.vigil.detect.sigma.rule;

import java.util.List;
import java.util.stream.Collectors;

/** A rule document that could not be parsed; carries every problem found, each with file and line. */
public final class SigmaParseException extends Exception {

    private final List<SigmaProblem> problems;

    public SigmaParseException(List<SigmaProblem> problems) {
        super(problems.stream().map(SigmaProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<SigmaProblem> problems() {
        return problems;
    }
}
