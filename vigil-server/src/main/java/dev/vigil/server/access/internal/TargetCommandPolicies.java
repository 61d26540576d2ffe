package dev.vigil.server.access.internal;

import java.util.Set;
import java.util.UUID;

import dev.vigil.bastion.gateway.CommandPolicySource;
import dev.vigil.bastion.gateway.Operator;
import dev.vigil.bastion.gateway.UpstreamTarget;
import dev.vigil.bastion.policy.ScopedPolicy;
import dev.vigil.server.access.CommandPolicyService;
import dev.vigil.server.access.ProcedureSessions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command policy for a granted channel: the rules of the target's groups and account, read fresh for every command,
 * confined to the plan of a strict procedure execution the operator works under there.
 */
@Component
public class TargetCommandPolicies implements CommandPolicySource {

    private final JdbcClient jdbc;
    private final CommandPolicyService policy;
    private final ProcedureSessions procedures;

    TargetCommandPolicies(JdbcClient jdbc, CommandPolicyService policy, ProcedureSessions procedures) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.procedures = procedures;
    }

    @Override
    public ScopedPolicy policyFor(UpstreamTarget target) {
        String[] groups = jdbc.sql("SELECT target_groups FROM access_target WHERE id = ?").param(UUID.fromString(target.targetId()))
                .query((rs, n) -> (String[]) rs.getArray(1).getArray()).optional().orElse(new String[0]);
        return policy.policyFor(Set.of(groups), target.account());
    }

    @Override
    public ScopedPolicy policyFor(Operator operator, UpstreamTarget target) {
        ScopedPolicy scoped = policyFor(target);
        return procedures.strictPlan(UUID.fromString(operator.id()), UUID.fromString(target.targetId())).map(scoped::confinedBy).orElse(scoped);
    }
}
