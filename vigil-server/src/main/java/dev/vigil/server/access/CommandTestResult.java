package dev.vigil.server.access;

import java.util.List;

/**
 * The dry run of a line against the rules in force for a scope: the action, the deciding rule, the reasons, and what
 * the analyser saw (the commands that would run with their wrappers and findings, the shell constructs, the
 * here-document bodies kept as data).
 */
public record CommandTestResult(String action, boolean runs, String ruleId, List<String> reasons, String mode, List<Unit> commands,
        List<String> constructs, List<String> findings, List<String> heredocs) {

    /** One command that would run. */
    public record Unit(String program, String text, List<String> via, List<String> findings) {
    }
}
