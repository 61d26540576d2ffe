package dev.vigil.server.approval;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Change kinds that exist only in the tests (picked up by component scanning of the shared test context): a quorum of
 * two holders of the approver role, a change that also needs the affected tenant's authorizer, and one whose apply
 * refuses. Applied changes are recorded in {@link #APPLIED}.
 */
@Configuration
class ApprovalTestKinds {

    static final List<String> APPLIED = new CopyOnWriteArrayList<>();

    @Bean
    ChangeKind testQuorum() {
        return kind("test.quorum", new ApprovalPolicy(2, "change:approve", "approver", false, Duration.ofHours(1)), false);
    }

    @Bean
    ChangeKind testTenant() {
        return kind("test.tenant", new ApprovalPolicy(1, "change:approve", null, true, Duration.ofHours(1)), false);
    }

    @Bean
    ChangeKind testRefusing() {
        return kind("test.refusing", ApprovalPolicy.oneApprover(Duration.ofHours(1)), true);
    }

    private static ChangeKind kind(String name, ApprovalPolicy policy, boolean refuse) {
        return new ChangeKind() {
            @Override
            public String kind() {
                return name;
            }

            @Override
            public ApprovalPolicy policy(ChangeDraft draft) {
                return policy;
            }

            @Override
            public Map<String, Object> apply(ChangeView change) {
                if (refuse) {
                    throw ProblemException.conflict("test-refused", "the subject changed meanwhile");
                }
                APPLIED.add(change.subject());
                return Map.of("applied", change.subject());
            }
        };
    }
}
