package dev.vigil.server.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.vigil.bastion.policy.CommandAnalyser;
import dev.vigil.bastion.policy.CommandAnalysis;
import dev.vigil.bastion.policy.CommandUnit;

/**
 * Whether a command line stays inside a procedure's plan. The line is split by the bastion's analyser into the
 * commands that will run (lists, pipelines, substitutions, inside {@code sudo}/{@code bash -c}...); each must match a
 * step's expected commands (steps first, in order) or the template's anytime list, else the line is out of plan. A program only known after
 * expansion is out of plan. Leaving the shell ({@code exit}, {@code logout}) is always in plan.
 */
final class ProcedurePlan {

    private static final CommandAnalyser ANALYSER = new CommandAnalyser();
    private static final Set<String> LEAVING = Set.of("exit", "logout");

    /** {@code step} is the 1-based first step whose expected commands the line used, null if only anytime ones. */
    record Check(boolean planned, Integer step, List<String> unplanned) {
    }

    private record Expected(int step, List<String> words, Pattern pattern) {

        boolean matches(CommandUnit unit) {
            if (pattern != null) {
                return pattern.matcher(unit.text()).find();
            }
            if (unit.program() == null || unit.words().size() < words.size() || !unit.program().equals(baseName(words.getFirst()))) {
                return false;
            }
            for (int i = 1; i < words.size(); i++) {
                if (!words.get(i).equals("*") && !words.get(i).equals(unit.words().get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Expected> expected = new ArrayList<>();

    ProcedurePlan(ProcedureDefinition definition) {
        for (int i = 0; i < definition.steps().size(); i++) {
            ProcedureDefinition.Step step = definition.steps().get(i);
            for (String words : step.commands()) {
                expected.add(new Expected(i + 1, words(words), null));
            }
            for (String pattern : step.patterns()) {
                expected.add(new Expected(i + 1, List.of(), Pattern.compile(pattern)));
            }
        }
        definition.anytime().forEach(words -> expected.add(new Expected(0, words(words), null)));
    }

    Check check(String line) {
        return check(ANALYSER.analyse(line));
    }

    Check check(CommandAnalysis analysis) {
        Integer step = null;
        List<String> unplanned = new ArrayList<>();
        for (CommandUnit unit : analysis.units()) {
            if (unit.wrapper() || unit.program() != null && LEAVING.contains(unit.program())) {
                continue;
            }
            Expected match = expected.stream().filter(e -> e.matches(unit)).findFirst().orElse(null);
            if (match == null) {
                unplanned.add(unit.text().isEmpty() ? unit.source() : unit.text());
            } else if (match.step() > 0 && step == null) {
                step = match.step();
            }
        }
        return new Check(unplanned.isEmpty(), step, unplanned);
    }

    private static List<String> words(String words) {
        return Arrays.asList(words.strip().split("\\s+"));
    }

    private static String baseName(String word) {
        return word.substring(word.lastIndexOf('/') + 1);
    }
}
