package dev.vigil.monitor.ruletest;

import java.util.List;

/** The outcome of one test group: passed when {@code failures} is empty. */
public record TestGroupResult(String name, List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
