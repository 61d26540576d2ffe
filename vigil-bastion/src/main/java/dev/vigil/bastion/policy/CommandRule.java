package dev.vigil.bastion.policy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One rule: applies to targets in {@code targetGroup} (any when empty) logged in as {@code account} (any when empty);
 * matches a command when its program is one of {@code programs} and/or its text matches {@code pattern} (each given
 * criterion must hold); the first matching rule of the ordered list decides.
 */
public record CommandRule(String id, String name, Optional<String> targetGroup, Optional<String> account, List<String> programs,
        Optional<Pattern> pattern, CommandAction action) {

    public CommandRule {
        programs = List.copyOf(programs);
        if (programs.isEmpty() && pattern.isEmpty()) {
            throw new IllegalArgumentException("rule '" + name + "' needs programs or a pattern");
        }
    }

    boolean appliesTo(CommandScope scope) {
        return targetGroup.map(scope.targetGroups()::contains).orElse(true) && account.map(scope.account()::equals).orElse(true);
    }

    boolean matches(CommandUnit unit) {
        boolean program = programs.isEmpty() || unit.program() != null && programs.contains(unit.program());
        boolean text = pattern.map(p -> p.matcher(unit.text()).find() || p.matcher(unit.source()).find()).orElse(true);
        return program && text;
    }
}
