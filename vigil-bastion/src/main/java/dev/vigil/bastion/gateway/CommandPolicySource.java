package dev.vigil.bastion.gateway;

import dev.vigil.bastion.policy.ScopedPolicy;

/** Port: the command rules and mode in force now for a granted target and account; asked again for every line. */
public interface CommandPolicySource {

    CommandPolicySource NONE = target -> ScopedPolicy.NONE;

    ScopedPolicy policyFor(UpstreamTarget target);

    /** The policy for this operator's channel: the target's, unless the server confines what this operator may run there. */
    default ScopedPolicy policyFor(Operator operator, UpstreamTarget target) {
        return policyFor(target);
    }
}
