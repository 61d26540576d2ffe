package dev.vigil.server.access;

import java.time.Instant;
import java.util.List;

/**
 * A command of a session as the terminal showed it, with its offset into the recording (to jump there in replay) and
 * the command policy's decision: {@code decision} allowed, warned, denied or review (not run); {@code ruleId} the
 * deciding rule, if one decided; {@code reasons}; in a session bound to a procedure execution, {@code plan} is
 * {@code planned} or {@code out-of-plan} and {@code planStep} the step whose expected commands it used.
 */
public record SessionCommandView(int seq, Instant at, double offsetSeconds, String command, String decision, boolean ran, String ruleId,
        List<String> reasons, String plan, Integer planStep) {
}
