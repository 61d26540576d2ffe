package dev.vigil.server.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.vigil.bastion.policy.CommandAction;
import dev.vigil.bastion.policy.CommandPolicy;
import dev.vigil.bastion.policy.CommandRule;
import dev.vigil.bastion.policy.CommandScope;
import dev.vigil.bastion.policy.CommandUnit;
import dev.vigil.bastion.policy.CommandVerdict;
import dev.vigil.bastion.policy.Construct;
import dev.vigil.bastion.policy.Finding;
import dev.vigil.bastion.policy.PolicyMode;
import dev.vigil.bastion.policy.ScopeMode;
import dev.vigil.bastion.policy.ScopedPolicy;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bastion's command policy: ordered rules (by priority, then name) scoped by target group and account, and the
 * mode of each scope (deny-list or restricted). The gateway reads them for every exec channel and every line of a
 * policed shell; changes are audited and apply to the next command. A dry run decides a line without running it.
 */
@Service
public class CommandPolicyService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern PROGRAM = Pattern.compile("[^\\s/]{1,128}");
    private static final String SELECT_RULES = """
            SELECT id, name, priority, target_group, account, programs, pattern, action, description, created_by, created_at, updated_at
            FROM access_command_rule""";
    private static final String SELECT_MODES = "SELECT id, target_group, account, mode, uncertain, created_by, created_at FROM access_command_mode";

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    CommandPolicyService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public List<CommandRuleView> rules() {
        access.require("bastion-target", "read", null);
        return jdbc.sql(SELECT_RULES + " ORDER BY priority, name").query(this::mapRule).list();
    }

    public CommandRuleView rule(UUID id) {
        access.require("bastion-target", "read", null);
        return findRule(id);
    }

    @Transactional
    public CommandRuleView create(CommandRuleChange change) {
        access.require("bastion-target", "update", null);
        Valid rule = validate(change);
        if (jdbc.sql("SELECT count(*) FROM access_command_rule WHERE name = ?").param(rule.name).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "a command rule named '" + rule.name + "' exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO access_command_rule (id, name, priority, target_group, account, programs, pattern, action, description, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, rule.name, rule.priority, rule.targetGroup, rule.account, rule.programs.toArray(String[]::new), rule.pattern,
                        rule.action, rule.description, access.requireCurrent().username())
                .update();
        CommandRuleView created = findRule(id);
        audit.record(AuditEntry.success("access.command-rule.create", "access-command-rule", id, null, body(created)));
        return created;
    }

    @Transactional
    public CommandRuleView update(UUID id, CommandRuleChange change) {
        access.require("bastion-target", "update", null);
        CommandRuleView before = findRule(id);
        Valid rule = validate(change);
        if (jdbc.sql("SELECT count(*) FROM access_command_rule WHERE name = ? AND id <> ?").params(rule.name, id).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "a command rule named '" + rule.name + "' exists");
        }
        jdbc.sql("""
                UPDATE access_command_rule SET name = ?, priority = ?, target_group = ?, account = ?, programs = ?, pattern = ?, action = ?,
                       description = ?, updated_at = ? WHERE id = ?""")
                .params(rule.name, rule.priority, rule.targetGroup, rule.account, rule.programs.toArray(String[]::new), rule.pattern, rule.action,
                        rule.description, Timestamp.from(clock.instant()), id)
                .update();
        CommandRuleView after = findRule(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("before", body(before));
        body.put("after", body(after));
        audit.record(AuditEntry.success("access.command-rule.update", "access-command-rule", id, null, body));
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        access.require("bastion-target", "update", null);
        CommandRuleView rule = findRule(id);
        jdbc.sql("DELETE FROM access_command_rule WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("access.command-rule.delete", "access-command-rule", id, null, body(rule)));
    }

    public List<CommandModeView> modes() {
        access.require("bastion-target", "read", null);
        return jdbc.sql(SELECT_MODES + " ORDER BY target_group NULLS FIRST, account NULLS FIRST").query(this::mapMode).list();
    }

    /** Sets the mode of a scope (one per target group × account), replacing the one it had. */
    @Transactional
    public CommandModeView setMode(CommandModeChange change) {
        access.require("bastion-target", "update", null);
        String targetGroup = optionalName(change.targetGroup(), "targetGroup");
        String account = optionalName(change.account(), "account");
        PolicyMode mode = parse(() -> PolicyMode.of(change.mode() == null ? "" : change.mode().strip()), "mode");
        CommandAction uncertain = change.uncertain() == null || change.uncertain().isBlank()
                ? (mode == PolicyMode.RESTRICTED ? CommandAction.DENY : CommandAction.REVIEW)
                : parse(() -> CommandAction.of(change.uncertain().strip()), "uncertain");
        parse(() -> new ScopeMode(Optional.ofNullable(targetGroup), Optional.ofNullable(account), mode, uncertain), "uncertain");
        jdbc.sql("DELETE FROM access_command_mode WHERE target_group IS NOT DISTINCT FROM ? AND account IS NOT DISTINCT FROM ?")
                .params(targetGroup, account).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO access_command_mode (id, target_group, account, mode, uncertain, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, targetGroup, account, mode.label(), uncertain.label(), access.requireCurrent().username()).update();
        CommandModeView set = jdbc.sql(SELECT_MODES + " WHERE id = ?").param(id).query(this::mapMode).single();
        audit.record(AuditEntry.success("access.command-mode.set", "access-command-mode", id, null, modeBody(set)));
        return set;
    }

    @Transactional
    public void deleteMode(UUID id) {
        access.require("bastion-target", "update", null);
        CommandModeView mode = jdbc.sql(SELECT_MODES + " WHERE id = ?").param(id).query(this::mapMode).optional()
                .orElseThrow(() -> ProblemException.notFound("command mode", id));
        jdbc.sql("DELETE FROM access_command_mode WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("access.command-mode.delete", "access-command-mode", id, null, modeBody(mode)));
    }

    /**
     * Decides a line as the gateway would for a target (its groups) or for given target groups, logged in as
     * {@code account}; nothing runs.
     */
    public CommandTestResult test(String line, String target, List<String> targetGroups, String account) {
        access.require("bastion-target", "read", null);
        if (line == null || line.isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "line is required");
        }
        Set<String> groups;
        if (target != null && !target.isBlank()) {
            String[] found = jdbc.sql("SELECT target_groups FROM access_target WHERE name = ?").param(target.strip())
                    .query((rs, n) -> (String[]) rs.getArray(1).getArray()).optional()
                    .orElseThrow(() -> ProblemException.badRequest("invalid-input", "no target named '" + target.strip() + "'"));
            groups = Set.of(found);
        } else {
            groups = Set.copyOf(targetGroups == null ? List.of() : targetGroups);
        }
        String as = account == null ? "" : account.strip();
        ScopedPolicy policy = policyFor(groups, as);
        CommandVerdict verdict = policy.decide(line);
        List<CommandTestResult.Unit> units = verdict.analysis().units().stream().map(CommandPolicyService::unit).toList();
        return new CommandTestResult(verdict.action().label(), verdict.runs(), verdict.ruleId().orElse(null), verdict.reasons(),
                policy.mode().label(), units, verdict.analysis().constructs().stream().map(Construct::label).sorted().toList(),
                verdict.analysis().findings().stream().map(Finding::toString).toList(), verdict.analysis().heredocs());
    }

    /**
     * The rules and mode in force now for a target's groups and an account. For the gateway, which asks on behalf of an
     * operator already authorised for the channel: no permission is checked.
     */
    public ScopedPolicy policyFor(Set<String> targetGroups, String account) {
        List<CommandRule> rules = jdbc.sql(SELECT_RULES + " ORDER BY priority, name").query(this::mapRule).list().stream()
                .map(CommandPolicyService::compiled).toList();
        List<ScopeMode> modes = jdbc.sql(SELECT_MODES).query(this::mapMode).list().stream()
                .map(m -> new ScopeMode(Optional.ofNullable(m.targetGroup()), Optional.ofNullable(m.account()), PolicyMode.of(m.mode()),
                        CommandAction.of(m.uncertain())))
                .toList();
        return new CommandPolicy(rules, modes).scoped(new CommandScope(targetGroups, account));
    }

    private static CommandRule compiled(CommandRuleView view) {
        return new CommandRule(view.id().toString(), view.name(), Optional.ofNullable(view.targetGroup()), Optional.ofNullable(view.account()),
                view.programs(), Optional.ofNullable(view.pattern()).map(Pattern::compile), CommandAction.of(view.action()));
    }

    private static CommandTestResult.Unit unit(CommandUnit unit) {
        return new CommandTestResult.Unit(unit.program(), unit.text(), unit.via(), unit.findings().stream().map(Finding::toString).toList());
    }

    private record Valid(String name, int priority, String targetGroup, String account, List<String> programs, String pattern, String action,
            String description) {
    }

    private Valid validate(CommandRuleChange change) {
        String name = change.name() == null ? "" : change.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.badRequest("invalid-input", "name must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String prefix = "rule '" + name + "': ";
        int priority = change.priority() == null ? 100 : change.priority();
        if (priority < 0 || priority > 1_000_000) {
            throw ProblemException.badRequest("invalid-input", prefix + "priority must be 0-1000000 (lower is checked first)");
        }
        List<String> programs = new ArrayList<>();
        for (String program : change.programs() == null ? List.<String>of() : change.programs()) {
            String stripped = program == null ? "" : program.strip();
            if (!PROGRAM.matcher(stripped).matches()) {
                throw ProblemException.badRequest("invalid-input", prefix + "program '" + program
                        + "' must be a program's base name (no spaces or '/'; /bin/rm is matched as rm)");
            }
            if (!programs.contains(stripped)) {
                programs.add(stripped);
            }
        }
        String pattern = change.pattern() == null || change.pattern().isEmpty() ? null : change.pattern();
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw ProblemException.badRequest("invalid-pattern", prefix + "pattern does not compile: " + e.getDescription()
                        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "") + " in '" + pattern + "'");
            }
        }
        if (programs.isEmpty() && pattern == null) {
            throw ProblemException.badRequest("invalid-input", prefix + "name programs, a pattern, or both");
        }
        String action = change.action() == null ? "" : change.action().strip();
        parse(() -> CommandAction.of(action), prefix + "action");
        String description = change.description() == null ? "" : change.description().strip();
        return new Valid(name, priority, optionalName(change.targetGroup(), prefix + "targetGroup"), optionalName(change.account(),
                prefix + "account"), programs, pattern, action, description);
    }

    private static String optionalName(String value, String field) {
        return value == null || value.isBlank() ? null : TargetService.requireName(value, field);
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String field) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-input", field + ": " + e.getMessage());
        }
    }

    private CommandRuleView findRule(UUID id) {
        return jdbc.sql(SELECT_RULES + " WHERE id = ?").param(id).query(this::mapRule).optional()
                .orElseThrow(() -> ProblemException.notFound("command rule", id));
    }

    private static Map<String, Object> body(CommandRuleView rule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", rule.name());
        body.put("priority", rule.priority());
        body.put("targetGroup", rule.targetGroup() == null ? "any" : rule.targetGroup());
        body.put("account", rule.account() == null ? "any" : rule.account());
        body.put("programs", rule.programs());
        body.put("pattern", rule.pattern() == null ? "none" : rule.pattern());
        body.put("action", rule.action());
        return body;
    }

    private static Map<String, Object> modeBody(CommandModeView mode) {
        return Map.of("targetGroup", mode.targetGroup() == null ? "any" : mode.targetGroup(), "account", mode.account() == null ? "any"
                : mode.account(), "mode", mode.mode(), "uncertain", mode.uncertain());
    }

    private CommandRuleView mapRule(ResultSet rs, int n) throws SQLException {
        return new CommandRuleView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("priority"), rs.getString("target_group"),
                rs.getString("account"), List.of((String[]) rs.getArray("programs").getArray()), rs.getString("pattern"), rs.getString("action"),
                rs.getString("description"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private CommandModeView mapMode(ResultSet rs, int n) throws SQLException {
        return new CommandModeView(rs.getObject("id", UUID.class), rs.getString("target_group"), rs.getString("account"), rs.getString("mode"),
                rs.getString("uncertain"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
