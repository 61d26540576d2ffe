package dev.vigil.bastion.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules and mode that apply to one target and account, deciding lines. Every command that will run (see
 * {@link CommandAnalyser}) is judged on its own by the first matching rule; the line gets the strictest result, so
 * {@code ls; rm x} is denied when {@code rm} is. Without a matching rule, a command runs in deny-list mode unless the
 * analyser has an opaque concern about it (then the {@code uncertain} action applies), and in restricted mode it does
 * not run. In restricted mode an allow rule admits a command only when it raises no concern and the line uses no shell
 * syntax at all. A scope with no rules in deny-list mode is not filtered. A {@link CommandConfinement}, when there is
 * one, denies the lines it refuses whatever the rules say, and its reason comes first.
 */
public record ScopedPolicy(List<CommandRule> rules, PolicyMode mode, CommandAction uncertain, Optional<CommandConfinement> confinement) {

    public static final ScopedPolicy NONE = new ScopedPolicy(List.of(), PolicyMode.DENY_LIST, CommandAction.REVIEW);
    private static final CommandAnalyser ANALYSER = new CommandAnalyser();

    public ScopedPolicy {
        rules = List.copyOf(rules);
    }

    public ScopedPolicy(List<CommandRule> rules, PolicyMode mode, CommandAction uncertain) {
        this(rules, mode, uncertain, Optional.empty());
    }

    /** The same rules and mode, with lines also confined by {@code limit}. */
    public ScopedPolicy confinedBy(CommandConfinement limit) {
        return new ScopedPolicy(rules, mode, uncertain, Optional.of(limit));
    }

    /** Whether lines need checking at all. */
    public boolean active() {
        return !rules.isEmpty() || mode == PolicyMode.RESTRICTED || confinement.isPresent();
    }

    public CommandVerdict decide(String line) {
        CommandAnalysis analysis = ANALYSER.analyse(line);
        if (!active()) {
            return new CommandVerdict(CommandAction.ALLOW, Optional.empty(), List.of(), analysis);
        }
        Outcome outcome = new Outcome();
        confinement.flatMap(limit -> limit.refusal(analysis)).ifPresent(reason -> outcome.add(CommandAction.DENY, null, reason));
        for (CommandUnit unit : analysis.units()) {
            judge(unit, outcome);
        }
        for (Finding finding : analysis.lineFindings()) {
            outcome.add(uncertain, null, "cannot judge: " + finding);
        }
        if (mode == PolicyMode.RESTRICTED && !analysis.constructs().isEmpty()) {
            outcome.add(uncertain, null, "restricted mode admits no shell syntax: "
                    + analysis.constructs().stream().map(Construct::label).sorted().collect(Collectors.joining(", ")));
        }
        if (mode == PolicyMode.RESTRICTED && analysis.units().isEmpty() && !line.isBlank()) {
            outcome.add(uncertain, null, "restricted mode: no command recognised");
        }
        return new CommandVerdict(outcome.action, Optional.ofNullable(outcome.ruleId), outcome.reasons, analysis);
    }

    /** A line typed while the terminal did not echo: its text is unknown. */
    public CommandVerdict decideUnechoed() {
        CommandAnalysis analysis = ANALYSER.analyse("");
        if (mode != PolicyMode.RESTRICTED) {
            return new CommandVerdict(CommandAction.ALLOW, Optional.empty(), List.of(), analysis);
        }
        return new CommandVerdict(uncertain, Optional.empty(), List.of("cannot judge: " + new Finding(Concern.UNECHOED, "restricted mode")),
                analysis);
    }

    private void judge(CommandUnit unit, Outcome outcome) {
        String shown = unit.program() == null ? unit.text() : unit.text();
        Optional<CommandRule> rule = rules.stream().filter(r -> r.matches(unit)).findFirst();
        if (rule.isPresent()) {
            CommandRule decided = rule.get();
            CommandAction action = decided.action();
            boolean concerns = mode == PolicyMode.RESTRICTED ? !unit.findings().isEmpty() : false;
            if (action.ordinal() <= CommandAction.WARN.ordinal() && concerns) {
                outcome.add(uncertain, decided.id(), "rule " + decided.name() + " would " + decided.action().label() + " '" + shown + "' but: "
                        + describe(unit));
            } else {
                outcome.add(action, decided.id(), "rule " + decided.name() + ": " + action.label() + " '" + shown + "'");
            }
            return;
        }
        boolean opaque = unit.has(Concern.Weight.OPAQUE);
        if (mode == PolicyMode.RESTRICTED) {
            if (unit.wrapper() && unit.transparent() && unit.findings().isEmpty()) {
                return;
            }
            outcome.add(uncertain, null, unit.findings().isEmpty() ? "restricted mode: '" + shown + "' is not on the allow list"
                    : "restricted mode: '" + shown + "' is not on the allow list and " + describe(unit));
        } else if (opaque) {
            outcome.add(uncertain, null, "cannot judge '" + shown + "': " + describe(unit));
        }
    }

    private static String describe(CommandUnit unit) {
        return unit.findings().stream().map(Finding::toString).collect(Collectors.joining("; "));
    }

    private static final class Outcome {
        CommandAction action = CommandAction.ALLOW;
        String ruleId;
        final List<String> reasons = new ArrayList<>();

        void add(CommandAction candidate, String rule, String reason) {
            reasons.add(reason);
            if (candidate.ordinal() > action.ordinal() || candidate == action && ruleId == null && rule != null && candidate != CommandAction.ALLOW) {
                action = candidate;
                ruleId = rule;
            }
        }
    }
}
