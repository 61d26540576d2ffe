package dev.vigil.bastion.policy;

import java.util.Set;

/** Where a command runs: the target's groups and the account logged in as. */
public record CommandScope(Set<String> targetGroups, String account) {

    public CommandScope {
        targetGroups = Set.copyOf(targetGroups);
    }
}
