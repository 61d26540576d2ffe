package dev.vigil.server.incident.internal.playbook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.access.CommandPreview;
import dev.vigil.server.access.CommandRunResult;
import dev.vigil.server.access.TemplateCommands;
import dev.vigil.server.incident.IncidentSessions;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The {@code bastion_command} step: runs an approved command template of the bastion on a target, its parameter values
 * rendered from the run's placeholders, each validated by its type and shell-quoted by {@code access}. The bastion
 * session it makes (recording and command included) is linked to the incident. The step succeeds on exit status 0; a
 * command that ran is never sent again for the same run and step (a retry or resume takes its recorded result).
 */
@Component
class BastionCommandStep {

    private static final int ERROR_OUTPUT = 500;

    private final TemplateCommands commands;
    private final IncidentSessions sessions;
    private final IncidentStore store;

    BastionCommandStep(TemplateCommands commands, IncidentSessions sessions, IncidentStore store) {
        this.commands = commands;
        this.sessions = sessions;
        this.store = store;
    }

    /** The rendered command for a dry run, or why it cannot run now (values of later outputs are still empty then). */
    String describe(PlaybookDefinition.Step step, RunContext context) {
        String head = "run command template " + step.text("template") + " on " + step.text("target");
        try {
            CommandPreview preview = commands.preview(step.text("template"), step.text("target"), values(step, context), tenant(context));
            return head + " (v" + preview.templateVersion() + ") as " + preview.account() + ": " + preview.command();
        } catch (ProblemException e) {
            return head + ": cannot run as it stands: " + e.getMessage();
        }
    }

    Map<String, Object> perform(PlaybookDefinition.Step step, RunContext context, UUID incidentId, String key) {
        CommandRunResult result = commands.run(step.text("template"), step.text("target"), values(step, context), tenant(context), key,
                step.timeout());
        if (result.session() != null) {
            sessions.linkRunSession(incidentId, result.session(), "playbook step " + step.name() + " ran command template " + result.template()
                    + " v" + result.templateVersion() + " on " + result.target() + " as " + result.account() + ": " + result.command());
        }
        if (!result.succeeded()) {
            throw new IllegalStateException(failure(result));
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("template", result.template());
        output.put("templateVersion", result.templateVersion());
        output.put("target", result.target());
        output.put("account", result.account());
        output.put("command", result.command());
        output.put("session", result.session().toString());
        output.put("exitStatus", result.exitStatus());
        output.put("output", result.output());
        output.put("outputTruncated", result.outputTruncated());
        output.put("repeated", result.repeated());
        return output;
    }

    private static String failure(CommandRunResult result) {
        String where = " (session " + result.session() + (result.repeated() ? "; recorded result of an earlier attempt, not run again" : "") + ")";
        return switch (result.state()) {
            case "refused" -> result.error() + where;
            case "timed-out" -> result.error() + where;
            default -> {
                String how = result.exitStatus() != null ? "exit status " + result.exitStatus()
                        : result.exitSignal() != null ? "signal " + result.exitSignal() : "no exit status";
                String output = result.output() == null ? "" : result.output().strip();
                yield "the command ended with " + how + where + (output.isEmpty() ? ""
                        : ": " + (output.length() > ERROR_OUTPUT ? output.substring(0, ERROR_OUTPUT) + "…" : output));
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> values(PlaybookDefinition.Step step, RunContext context) {
        Object params = step.fields().get("params");
        Map<String, String> values = new LinkedHashMap<>();
        if (params instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((name, value) -> values.put(name, context.render(String.valueOf(value))));
        }
        return values;
    }

    private UUID tenant(RunContext context) {
        Object slug = context.value("incident.tenant");
        return slug == null ? null : store.tenantId(slug.toString());
    }
}
