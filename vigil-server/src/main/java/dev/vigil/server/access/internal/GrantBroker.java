package dev.vigil.server.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.bastion.gateway.AccessBroker;
import dev.vigil.bastion.gateway.AccessDecision;
import dev.vigil.bastion.gateway.ChannelKind;
import dev.vigil.bastion.gateway.ChannelRequest;
import dev.vigil.server.access.ForwardDestinations;
import dev.vigil.server.access.RemoteForwardBinds;
import dev.vigil.bastion.gateway.Operator;
import dev.vigil.bastion.gateway.TargetChoice;
import dev.vigil.bastion.gateway.UpstreamTarget;
import dev.vigil.server.identity.GroupService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides each channel against the grants in force now: the user's own grants and their groups', on the target or one
 * of its target groups, for the account and the channel kind. Nothing is cached: a revoked grant or a disabled user
 * stops the next channel.
 */
@Component
public class GrantBroker implements AccessBroker {

    private static final String MATCHING = """
            SELECT g.id AS grant_id, t.id AS target_id, t.name AS target_name, t.host, t.port, t.description, g.account, a.id AS account_id,
                   g.destinations, g.binds
            FROM access_grant g
            JOIN access_target t ON (t.id = g.target_id OR g.target_group = ANY (t.target_groups))
            LEFT JOIN access_target_account a ON a.target_id = t.id AND a.name = g.account
            WHERE g.revoked_at IS NULL AND g.valid_from <= ? AND g.valid_until > ?
              AND ((g.subject_kind = 'user' AND g.subject_id = ?) OR (g.subject_kind = 'group' AND g.subject_id = ANY (?)))
              AND ? = ANY (g.channels)""";

    private final JdbcClient jdbc;
    private final OperatorDirectory operators;
    private final GroupService groups;
    private final Clock clock;

    GrantBroker(JdbcClient jdbc, OperatorDirectory operators, GroupService groups, Clock clock) {
        this.jdbc = jdbc;
        this.operators = operators;
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public AccessDecision authorize(ChannelRequest request) {
        Operator operator = request.operator();
        if (!operators.stillActive(operator)) {
            return new AccessDecision.Refused("the Vigil account " + operator.username() + " may not connect through the bastion");
        }
        String target = request.address().target().orElseThrow();
        String kind = request.kind().label();
        List<Map<String, Object>> rows = matching(operator, kind, " AND t.name = ?", target);
        Optional<String> wanted = request.address().account();
        List<Map<String, Object>> forAccount = rows.stream().filter(r -> wanted.isEmpty() || wanted.get().equals(r.get("account")))
                .filter(r -> request.kind() != ChannelKind.PORT_FORWARD || ForwardDestinations.allows(strings(r, "destinations"), request.command().orElse("")))
                .filter(r -> request.kind() != ChannelKind.REMOTE_FORWARD || RemoteForwardBinds.allows(strings(r, "binds"), request.command().orElse("")))
                .toList();
        List<String> accounts = forAccount.stream().map(r -> (String) r.get("account")).distinct().sorted().toList();
        if (accounts.isEmpty()) {
            return new AccessDecision.Refused("no grant for " + operator.username() + " on " + target + wanted.map(a -> " as " + a).orElse("")
                    + " (" + kind + request.command().filter(c -> request.kind() == ChannelKind.PORT_FORWARD).map(c -> " to " + c).orElse("")
                    + request.command().filter(c -> request.kind() == ChannelKind.REMOTE_FORWARD).map(c -> " on " + c).orElse("")
                    + ") now");
        }
        if (accounts.size() > 1) {
            return new AccessDecision.Refused("name the account: " + operator.username() + "%<account>%" + target + " (granted: "
                    + String.join(", ", accounts) + ")");
        }
        Map<String, Object> row = forAccount.get(0);
        if (row.get("account_id") == null) {
            return new AccessDecision.Refused("account " + row.get("account") + " of " + target + " has no credential in the vault");
        }
        return new AccessDecision.Granted(new UpstreamTarget(row.get("target_id").toString(), (String) row.get("target_name"),
                (String) row.get("host"), ((Number) row.get("port")).intValue(), row.get("account_id").toString(), (String) row.get("account"),
                row.get("grant_id").toString()));
    }

    @Override
    public List<TargetChoice> choices(Operator operator) {
        return matching(operator, "shell", "", null).stream().filter(r -> r.get("account_id") != null)
                .map(r -> new TargetChoice((String) r.get("account"), (String) r.get("target_name"), (String) r.get("description")))
                .distinct().sorted((a, b) -> (a.target() + "%" + a.account()).compareTo(b.target() + "%" + b.account())).toList();
    }

    @Override
    public boolean stillActive(Operator operator) {
        return operators.stillActive(operator);
    }

    private static List<String> strings(Map<String, Object> row, String column) {
        try {
            return List.of((String[]) ((java.sql.Array) row.get(column)).getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read a grant's " + column, e);
        }
    }

    private List<Map<String, Object>> matching(Operator operator, String kind, String extraCondition, String extraValue) {
        UUID userId = UUID.fromString(operator.id());
        UUID[] groupIds = groups.list().stream().filter(g -> g.members().contains(operator.username())).map(g -> g.id()).toArray(UUID[]::new);
        Timestamp now = Timestamp.from(clock.instant());
        var statement = jdbc.sql(MATCHING + extraCondition).param(now).param(now).param(userId).param(groupIds).param(kind);
        if (extraValue != null) {
            statement = statement.param(extraValue);
        }
        return statement.query().listOfRows();
    }
}
