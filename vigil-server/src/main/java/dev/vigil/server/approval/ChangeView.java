package dev.vigil.server.approval;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A change request as the API shows it, with its decisions so far. */
public record ChangeView(UUID id, String kind, String subject, String title, Map<String, Object> payload, String diff,
                         String reason, UUID tenantId, UUID requesterId, String requester, int requiredApprovals,
                         String approverPermission, String approverRole, boolean tenantAuthorization, String state,
                         boolean emergency, String reviewState, String reviewedBy, Instant reviewedAt, String reviewComment,
                         Instant createdAt, Instant expiresAt, Instant closedAt, String closedBy, Map<String, Object> result,
                         List<Decision> decisions) {

    /** One person's decision on a change. */
    public record Decision(UUID userId, String username, String decision, boolean countsAsApprover, boolean tenantAuthorizer,
                           String comment, Instant decidedAt) {
    }

    public boolean pending() {
        return state.equals("pending");
    }
}
