package dev.vigil.bastion.policy;

import java.util.Optional;

/**
 * A limit on what may run in a scope beyond its rules, such as the plan of an operating procedure the operator works
 * under: the reason a line may not run (said to the operator and recorded), or empty when it may.
 */
@FunctionalInterface
public interface CommandConfinement {

    Optional<String> refusal(CommandAnalysis analysis);
}
