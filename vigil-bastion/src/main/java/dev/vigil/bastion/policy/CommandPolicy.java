package dev.vigil.bastion.policy;

import java.util.List;
import java.util.Optional;

/** All command rules, in priority order, and the scope modes; {@link #scoped} picks what applies to one target and account. */
public record CommandPolicy(List<CommandRule> rules, List<ScopeMode> modes) {

    public static final CommandPolicy NONE = new CommandPolicy(List.of(), List.of());

    public CommandPolicy {
        rules = List.copyOf(rules);
        modes = List.copyOf(modes);
    }

    /** The rules and mode for a scope: restricted if any applicable scope mode says so; the strictest uncertain action. */
    public ScopedPolicy scoped(CommandScope scope) {
        List<CommandRule> applicable = rules.stream().filter(rule -> rule.appliesTo(scope)).toList();
        List<ScopeMode> applicableModes = modes.stream().filter(mode -> mode.appliesTo(scope)).toList();
        PolicyMode mode = applicableModes.stream().anyMatch(m -> m.mode() == PolicyMode.RESTRICTED) ? PolicyMode.RESTRICTED : PolicyMode.DENY_LIST;
        Optional<CommandAction> uncertain = applicableModes.stream().map(ScopeMode::uncertain).reduce(CommandAction::stricter);
        CommandAction fallback = mode == PolicyMode.RESTRICTED ? CommandAction.DENY : CommandAction.REVIEW;
        return new ScopedPolicy(applicable, mode, uncertain.orElse(fallback).stricter(mode == PolicyMode.RESTRICTED ? CommandAction.REVIEW
                : CommandAction.WARN));
    }
}
