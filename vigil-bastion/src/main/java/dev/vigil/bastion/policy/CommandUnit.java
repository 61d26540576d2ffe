package dev.vigil.bastion.policy;

import java.util.List;

/**
 * One command that will run, as the policy judges it: a simple command of the line, a command inside a known wrapper
 * ({@code sudo}, {@code bash -c}, {@code xargs}, {@code find -exec}...), or one inside a command substitution.
 * {@code program} is the base name of the program word (null when it is only known after expansion); {@code words} are
 * the words after quote removal; {@code via} names the wrappers around it, outermost first; {@code wrapper} marks the
 * wrapper's own unit, {@code transparent} a wrapper that adds nothing an allow-list needs to know ({@code env},
 * {@code nice}, {@code time}...).
 */
public record CommandUnit(String program, List<String> words, String source, List<String> via, boolean wrapper, boolean transparent,
        List<Finding> findings) {

    public CommandUnit {
        words = List.copyOf(words);
        via = List.copyOf(via);
        findings = List.copyOf(findings);
    }

    /** The words joined by single spaces: what regular expressions of the rules are matched against (besides the source). */
    public String text() {
        return String.join(" ", words);
    }

    public boolean has(Concern.Weight weight) {
        return findings.stream().anyMatch(f -> f.concern().weight() == weight);
    }
}
