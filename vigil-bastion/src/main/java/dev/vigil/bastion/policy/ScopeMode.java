package dev.vigil.bastion.policy;

import java.util.Optional;

/**
 * The mode of a scope (target group and/or account; empty = any) and what to do with commands the analyser cannot
 * judge ({@code uncertain}: warn, review or deny; restricted mode takes only review or deny).
 */
public record ScopeMode(Optional<String> targetGroup, Optional<String> account, PolicyMode mode, CommandAction uncertain) {

    public ScopeMode {
        if (uncertain == CommandAction.ALLOW || mode == PolicyMode.RESTRICTED && uncertain == CommandAction.WARN) {
            throw new IllegalArgumentException("uncertain commands in " + mode.label() + " mode may not be " + uncertain.label()
                    + (mode == PolicyMode.RESTRICTED ? "; use review or deny" : "; use warn, review or deny"));
        }
    }

    boolean appliesTo(CommandScope scope) {
        return targetGroup.map(scope.targetGroups()::contains).orElse(true) && account.map(scope.account()::equals).orElse(true);
    }
}
