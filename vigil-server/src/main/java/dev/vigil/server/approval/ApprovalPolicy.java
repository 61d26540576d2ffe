package dev.vigil.server.approval;

import java.time.Duration;
import java.util.Objects;

/**
 * Who must approve a change: {@code approvals} distinct people other than the requester, each holding
 * {@code permission} ({@code resource:action}, for the change's tenant or everywhere) and, when set, {@code role};
 * with {@code tenantAuthorization}, also one authorizer ({@code tenant-data:authorize}) of the affected tenant.
 * A pending change expires after {@code expiry}.
 */
public record ApprovalPolicy(int approvals, String permission, String role, boolean tenantAuthorization, Duration expiry) {

    public ApprovalPolicy {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(expiry, "expiry");
        if (approvals < 1) {
            throw new IllegalArgumentException("a change needs at least one approval");
        }
        if (permission.split(":").length != 2) {
            throw new IllegalArgumentException("permission must be resource:action");
        }
    }

    /** One approval by anyone (else) holding {@code change:approve}. */
    public static ApprovalPolicy oneApprover(Duration expiry) {
        return new ApprovalPolicy(1, "change:approve", null, false, expiry);
    }

    String resource() {
        return permission.split(":")[0];
    }

    String action() {
        return permission.split(":")[1];
    }
}
