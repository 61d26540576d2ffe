package dev.vigil.server.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.identity.Permission;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The generic mechanism through test-only change kinds: N-of-M approvals by role, the tenant authorizer of the affected
 * tenant, an apply that refuses (the approval is not kept; the ledger records the attempt as rolled back), and expiry.
 */
class ApprovalMechanismTest extends ServerTestBase {

    @Autowired
    ChangeRequests changes;

    private UUID requesterId;
    private String requesterName;

    @BeforeEach
    void requester() {
        requesterName = unique("req");
        requesterId = api().createUser(ADMIN_TOKEN, requesterName, PASSWORD, List.of("operator"), null);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Submits as the requester (features submit from their own services; there is no generic submit endpoint). */
    private ChangeView submit(String kind, String subject, UUID tenant) {
        VigilPrincipal principal = new VigilPrincipal(requesterId, requesterName, null, List.of("operator"),
                Set.of(Permission.parse("monitor:change:*")), VigilPrincipal.Via.BEARER_SESSION, null, null, VigilPrincipal.Restriction.NONE);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, List.of()));
        try {
            return changes.submit(new ChangeDraft(kind, subject, "Test " + subject, Map.of("n", 1), "+x\n", "testing", tenant, false));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String user(String role, UUID tenant) {
        String name = unique(role.substring(0, 3));
        api().createUser(ADMIN_TOKEN, name, PASSWORD, List.of(role), tenant);
        return api().login(name, PASSWORD);
    }

    @Test
    void aQuorumNeedsTwoDistinctHoldersOfTheRole() {
        String subject = unique("quorum");
        ChangeView change = submit("test.quorum", subject, null);
        assertThat(change.requiredApprovals()).isEqualTo(2);
        String first = user("approver", null);
        String second = user("approver", null);
        Api.Response one = api().post("/api/v1/changes/" + change.id() + "/approve", first, Map.of("comment", "yes"));
        assertThat(one.json().path("state").asString()).isEqualTo("pending");
        assertThat(api().post("/api/v1/changes/" + change.id() + "/approve", first, Map.of()).assertProblem(409).problemCode())
                .isEqualTo("already-decided");
        assertThat(api().post("/api/v1/changes/" + change.id() + "/approve", ADMIN_TOKEN, Map.of()).assertProblem(403).detail())
                .as("admin holds the permission but not the role").contains("role approver");
        assertThat(ApprovalTestKinds.APPLIED).doesNotContain(subject);
        Api.Response two = api().post("/api/v1/changes/" + change.id() + "/approve", second, Map.of());
        assertThat(two.json().path("state").asString()).isEqualTo("applied");
        assertThat(two.json().path("result").path("applied").asString()).isEqualTo(subject);
        assertThat(two.json().path("decisions").size()).isEqualTo(2);
        assertThat(ApprovalTestKinds.APPLIED.stream().filter(subject::equals).count()).isEqualTo(1);
    }

    @Test
    void aChangeAffectingATenantAlsoNeedsThatTenantsAuthorizer() {
        UUID tenant = api().createTenant(ADMIN_TOKEN, unique("cust"));
        UUID other = api().createTenant(ADMIN_TOKEN, unique("other"));
        String subject = unique("tenant");
        ChangeView change = submit("test.tenant", subject, tenant);
        String approver = user("approver", null);
        String authorizer = user("tenant-authorizer", tenant);
        String foreignAuthorizer = user("tenant-authorizer", other);
        assertThat(api().get("/api/v1/changes/" + change.id(), foreignAuthorizer).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/changes", authorizer).json().findValuesAsString("id")).contains(change.id().toString());
        assertThat(api().post("/api/v1/changes/" + change.id() + "/approve", approver, Map.of()).json().path("state").asString())
                .as("one approver is not enough without the tenant's authorizer").isEqualTo("pending");
        Api.Response authorized = api().post("/api/v1/changes/" + change.id() + "/approve", authorizer, Map.of("comment", "customer agrees"));
        assertThat(authorized.json().path("state").asString()).isEqualTo("applied");
        assertThat(authorized.json().path("decisions").path(1).path("tenantAuthorizer").asBoolean()).isTrue();
    }

    @Test
    void anApplyThatRefusesKeepsNothingOfTheApproval() {
        ChangeView change = submit("test.refusing", unique("refused"), null);
        String approver = user("approver", null);
        assertThat(api().post("/api/v1/changes/" + change.id() + "/approve", approver, Map.of()).assertProblem(409).problemCode())
                .isEqualTo("test-refused");
        Api.Response after = api().get("/api/v1/changes/" + change.id(), approver);
        assertThat(after.json().path("state").asString()).isEqualTo("pending");
        assertThat(after.json().path("decisions").size()).isZero();
        // the ledger keeps the attempt and says that it was rolled back
        Long approveSeq = jdbc.sql("SELECT seq FROM audit_record WHERE object_id = ? AND action = 'change.approve'")
                .param(change.id().toString()).query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'audit.rolled-back' AND object_id = ?")
                .param(String.valueOf(approveSeq)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aChangePastItsExpiryCannotBeApprovedAndIsClosedAsExpired() {
        ChangeView change = submit("test.quorum", unique("late"), null);
        jdbc.sql("UPDATE change_request SET expires_at = now() - interval '1 minute' WHERE id = ?").param(change.id()).update();
        String approver = user("approver", null);
        assertThat(api().post("/api/v1/changes/" + change.id() + "/approve", approver, Map.of()).assertProblem(409).problemCode())
                .isEqualTo("change-expired");
        assertThat(changes.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(api().get("/api/v1/changes/" + change.id(), approver).json().path("state").asString()).isEqualTo("expired");
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE object_id = ? ORDER BY seq").param(change.id().toString())
                .query(String.class).list()).containsExactly("change.submit", "change.expire");
        assertThat(api().get("/api/v1/changes?state=bogus", approver).assertProblem(400).detail()).contains("unknown state");
    }
}
