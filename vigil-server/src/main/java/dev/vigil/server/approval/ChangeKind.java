package dev.vigil.server.approval;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The SPI a feature implements (as a Spring bean) for each kind of change it sends through approval. The mechanism
 * calls {@link #policy} when a change is submitted, and {@link #apply} in the transaction that records the deciding
 * approval (or the emergency submission): if apply throws, nothing of the approval is kept.
 */
public interface ChangeKind {

    /** The kind's stable name, e.g. {@code monitor.create}; the prefix before the dot names the feature. */
    String kind();

    /** Who must approve this change; may depend on the change (its tenant, its size). */
    ApprovalPolicy policy(ChangeDraft draft);

    /**
     * Checks the payload again against the current state (it may have changed since submission) and carries it out.
     * Throw a {@code ProblemException} (400/409) to refuse; the returned map is stored as the change's result.
     */
    Map<String, Object> apply(ChangeView change);

    /** A kind needing one approval by another holder of {@code change:approve}, pending at most {@code expiry}. */
    static ChangeKind oneApprover(String name, Duration expiry, Function<ChangeView, Map<String, Object>> apply) {
        return new ChangeKind() {
            @Override
            public String kind() {
                return name;
            }

            @Override
            public ApprovalPolicy policy(ChangeDraft draft) {
                return ApprovalPolicy.oneApprover(expiry);
            }

            @Override
            public Map<String, Object> apply(ChangeView change) {
                return apply.apply(change);
            }
        };
    }
}
