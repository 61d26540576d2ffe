package dev.vigil.server.approval.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.approval.ChangeView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the change_request and change_decision columns. */
public final class ChangeRows {

    public static final String COLUMNS = """
            id, kind, subject, title, payload::text, diff, reason, tenant_id, requester_id, requester_name, required_approvals,
            approver_permission, approver_role, tenant_authorization, state, emergency, review_state, reviewed_by, reviewed_at,
            review_comment, created_at, expires_at, closed_at, closed_by, result::text""" + " ";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private ChangeRows() {
    }

    /** A change without its decisions (see {@link #withDecisions}). */
    public static ChangeView map(ResultSet rs, int row) throws SQLException {
        return new ChangeView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                JSON.readValue(rs.getString(5), MAP), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class),
                rs.getObject(9, UUID.class), rs.getString(10), rs.getInt(11), rs.getString(12), rs.getString(13),
                rs.getBoolean(14), rs.getString(15), rs.getBoolean(16), rs.getString(17), rs.getString(18),
                instant(rs.getTimestamp(19)), rs.getString(20), instant(rs.getTimestamp(21)), instant(rs.getTimestamp(22)),
                instant(rs.getTimestamp(23)), rs.getString(24), rs.getString(25) == null ? null : JSON.readValue(rs.getString(25), MAP),
                List.of());
    }

    public static ChangeView.Decision decision(ResultSet rs, int row) throws SQLException {
        return new ChangeView.Decision(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                rs.getBoolean(5), rs.getString(6), instant(rs.getTimestamp(7)));
    }

    public static ChangeView withDecisions(ChangeView c, List<ChangeView.Decision> decisions) {
        return new ChangeView(c.id(), c.kind(), c.subject(), c.title(), c.payload(), c.diff(), c.reason(), c.tenantId(),
                c.requesterId(), c.requester(), c.requiredApprovals(), c.approverPermission(), c.approverRole(),
                c.tenantAuthorization(), c.state(), c.emergency(), c.reviewState(), c.reviewedBy(), c.reviewedAt(),
                c.reviewComment(), c.createdAt(), c.expiresAt(), c.closedAt(), c.closedBy(), c.result(), List.copyOf(decisions));
    }

    public static String json(Map<String, Object> value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
