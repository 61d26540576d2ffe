package dev.vigil.server.access;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.bastion.gateway.Operator;
import dev.vigil.bastion.gateway.UpstreamExec;
import dev.vigil.bastion.gateway.UpstreamTarget;
import dev.vigil.server.access.internal.CommandRuns;
import dev.vigil.server.access.internal.ServerExec;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs approved command templates on targets, for playbook steps: the template (its current approved version) is
 * rendered with the given values (each validated by its type and shell-quoted), on a target the template may run on
 * (its target, or one in its target group), as the template's account, on behalf of the caller. The command policy,
 * the vaulted login, host-key pinning, the session with its recording and command, and the audit trail are the
 * gateway's ({@link ServerExec}). An idempotency key makes a repeated attempt answer the first one's result instead of
 * sending the command again, unless the first never reached the target.
 */
@Service
public class TemplateCommands {

    public static final int MAX_OUTPUT_BYTES = 8192;
    static final String SOURCE = "vigil-server";

    private final CommandTemplateService templates;
    private final JdbcClient jdbc;
    private final ServerExec exec;
    private final CommandRuns runs;
    private final AccessPolicy access;

    TemplateCommands(CommandTemplateService templates, JdbcClient jdbc, ServerExec exec, CommandRuns runs, AccessPolicy access) {
        this.templates = templates;
        this.jdbc = jdbc;
        this.exec = exec;
        this.runs = runs;
        this.access = access;
    }

    private record Target(UUID id, String name, String host, int port, UUID tenantId, java.util.List<String> groups) {
    }

    private record Resolved(CommandTemplateService.Approved template, Target target, UUID accountId, String command) {
    }

    /**
     * The command as it would be sent to the target, nothing run. 400 for an unknown or unapproved template, a target it
     * may not run on, a target of another tenant than {@code tenantId}, or a value its type refuses.
     */
    public CommandPreview preview(String template, String target, Map<String, String> values, UUID tenantId) {
        Resolved resolved = resolve(template, target, values, tenantId);
        return new CommandPreview(template, resolved.template().version(), resolved.target().name(), resolved.template().definition().account(),
                resolved.command(), resolved.target().tenantId());
    }

    /** Renders and runs the template (see {@link #preview} for refusals); an error that may pass on a retry is thrown. */
    public CommandRunResult run(String template, String target, Map<String, String> values, UUID tenantId, String idempotencyKey, Duration timeout) {
        VigilPrincipal caller = access.requireCurrent();
        Resolved resolved = resolve(template, target, values, tenantId);
        TemplateDefinition definition = resolved.template().definition();
        Optional<CommandRuns.Earlier> earlier = runs.claim(idempotencyKey, resolved.template().id(), resolved.template().version(),
                resolved.target().id(), resolved.command(), caller.username());
        if (earlier.isPresent()) {
            return repeated(template, resolved, earlier.get());
        }
        UUID session = UUID.randomUUID();
        UpstreamTarget upstream = new UpstreamTarget(resolved.target().id().toString(), resolved.target().name(), resolved.target().host(),
                resolved.target().port(), resolved.accountId().toString(), definition.account(), null);
        UpstreamExec.Outcome outcome;
        try {
            outcome = exec.run(new UpstreamExec.Request(session.toString(), idempotencyKey, new Operator(caller.userId().toString(),
                    caller.username()), upstream, resolved.command(), SOURCE, timeout, MAX_OUTPUT_BYTES));
        } catch (UpstreamExec.CommandNotSentException e) {
            runs.finish(idempotencyKey, "not-sent", null, null, null, null, false, e.getMessage());
            throw new IllegalStateException("the command was not sent: " + e.getMessage());
        } catch (RuntimeException e) {
            // the outcome is unknown: the claim stays 'sending', so it is never sent again under this key
            throw new IllegalStateException("the command's outcome is unknown (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return switch (outcome) {
            case UpstreamExec.Refused refused -> {
                runs.finish(idempotencyKey, "refused", session, 126, null, null, false, refused.notice());
                yield result(template, resolved, "refused", session, 126, null, null, false, refused.notice(), false);
            }
            case UpstreamExec.Ran ran -> {
                String state = ran.timedOut() ? "timed-out" : "completed";
                String error = ran.timedOut() ? "no exit within " + timeout.toSeconds() + "s; the command was cut off and its effect is unknown" : null;
                runs.finish(idempotencyKey, state, session, ran.exitStatus(), ran.exitSignal(), ran.output(), ran.outputTruncated(), error);
                yield result(template, resolved, state, session, ran.exitStatus(), ran.exitSignal(), ran.output(), ran.outputTruncated(), error, false);
            }
        };
    }

    private CommandRunResult repeated(String template, Resolved resolved, CommandRuns.Earlier earlier) {
        if (earlier.state().equals("sending")) {
            throw new IllegalStateException("an earlier attempt sent the command at " + earlier.startedAt()
                    + " and its outcome is unknown; it is not sent again (check the target and the bastion sessions)");
        }
        return new CommandRunResult(template, earlier.templateVersion(), resolved.target().name(), resolved.template().definition().account(),
                earlier.command(), earlier.state(), earlier.session(), earlier.exitStatus(), earlier.exitSignal(), earlier.output(),
                earlier.outputTruncated(), earlier.error(), true);
    }

    private static CommandRunResult result(String template, Resolved resolved, String state, UUID session, Integer status, String signal,
            String output, boolean truncated, String error, boolean repeated) {
        return new CommandRunResult(template, resolved.template().version(), resolved.target().name(), resolved.template().definition().account(),
                resolved.command(), state, session, status, signal, output, truncated, error, repeated);
    }

    private Resolved resolve(String name, String targetName, Map<String, String> values, UUID tenantId) {
        CommandTemplateService.Approved template = templates.approved(name == null ? "" : name)
                .orElseThrow(() -> ProblemException.badRequest("unknown-command-template", "no approved command template named '" + name + "'"
                        + (name != null && templates.pending(name) ? " (it waits for approval; only an approved template can run)" : "")));
        TemplateDefinition definition = template.definition();
        Target target = jdbc.sql("SELECT id, name, host, port, tenant_id, target_groups FROM access_target WHERE name = ?")
                .param(targetName == null ? "" : targetName)
                .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getObject(5, UUID.class),
                        java.util.List.of((String[]) rs.getArray(6).getArray())))
                .optional().orElseThrow(() -> ProblemException.badRequest("unknown-target", "no bastion target named '" + targetName + "'"));
        boolean inScope = definition.target() != null ? definition.target().equals(target.name()) : target.groups().contains(definition.targetGroup());
        if (!inScope) {
            throw ProblemException.badRequest("target-out-of-scope", "command template " + name + " may run on " + definition.scope()
                    + " only; " + target.name() + " is not " + (definition.target() != null ? "it" : "in that group"));
        }
        if (target.tenantId() != null && !Objects.equals(target.tenantId(), tenantId)) {
            throw ProblemException.badRequest("tenant-mismatch", "target " + target.name() + " holds another tenant's systems");
        }
        UUID account = jdbc.sql("SELECT id FROM access_target_account WHERE target_id = ? AND name = ?").params(target.id(), definition.account())
                .query(UUID.class).optional().orElseThrow(() -> ProblemException.badRequest("unknown-account", "target " + target.name()
                        + " has no account '" + definition.account() + "' (the account of command template " + name + ")"));
        try {
            return new Resolved(template, target, account, definition.template().render(values));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-parameter", "command template " + name + ": " + e.getMessage());
        }
    }
}
