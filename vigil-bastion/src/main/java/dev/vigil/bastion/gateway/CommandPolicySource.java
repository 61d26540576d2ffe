package dev.vigil.bastion.gateway;

import dev.vigil.bastion.policy.ScopedPolicy;

/** Port: the command rules and mode in force now for a granted target and account; asked again for every line. */
public interface CommandPolicySource {

    CommandPolicySource NONE = target -> ScopedPolicy.NONE;

    ScopedPolicy policyFor(UpstreamTarget target);
}
