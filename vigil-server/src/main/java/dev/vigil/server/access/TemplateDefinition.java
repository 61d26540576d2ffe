package dev.vigil.server.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.vigil.bastion.template.CommandTemplate;
import dev.vigil.bastion.template.ParameterType;
import dev.vigil.bastion.template.TemplateParameter;
import dev.vigil.server.platform.web.ProblemException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A validated command template definition, as stored in a version (JSON) and compiled for rendering. */
record TemplateDefinition(String name, String description, String target, String targetGroup, String account, CommandTemplate template) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Validates a requested template; 400 naming the field and the fault. */
    static TemplateDefinition of(CommandTemplateChange change) {
        String name = change.name() == null ? "" : change.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw invalid("name: '" + name + "' must be 1-100 lower case letters, digits, '.', '_' or '-'");
        }
        String target = blankToNull(change.target());
        String targetGroup = blankToNull(change.targetGroup());
        if ((target == null) == (targetGroup == null)) {
            throw invalid("give target or targetGroup (where the template may run), not both");
        }
        if (target != null) {
            TargetService.requireName(target, "target");
        } else {
            TargetService.requireName(targetGroup, "targetGroup");
        }
        String account = TargetService.requireName(change.account(), "account");
        String description = change.description() == null ? "" : change.description().strip();
        if (description.length() > 2000) {
            throw invalid("description: at most 2000 characters");
        }
        List<TemplateParameter> parameters = new ArrayList<>();
        List<CommandTemplateChange.Parameter> requested = change.parameters() == null ? List.of() : change.parameters();
        if (requested.size() > 20) {
            throw invalid("parameters: at most 20");
        }
        for (int i = 0; i < requested.size(); i++) {
            CommandTemplateChange.Parameter p = requested.get(i);
            if (p == null) {
                throw invalid("parameters[" + i + "]: missing");
            }
            try {
                parameters.add(new TemplateParameter(p.name(), ParameterType.of(p.type()), p.min(), p.max(), p.values(), p.prefix()));
            } catch (IllegalArgumentException e) {
                throw invalid("parameters[" + i + "]: " + e.getMessage());
            }
        }
        try {
            return new TemplateDefinition(name, description, target, targetGroup, account, new CommandTemplate(change.command(), parameters));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** A stored version (valid when it was approved). */
    static TemplateDefinition fromJson(String json) {
        Map<String, Object> map = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> params = (List<Map<String, Object>>) map.get("parameters");
        List<CommandTemplateChange.Parameter> parameters = params.stream().map(p -> JSON.convertValue(p, CommandTemplateChange.Parameter.class))
                .toList();
        return of(new CommandTemplateChange((String) map.get("name"), (String) map.get("description"), (String) map.get("command"),
                (String) map.get("target"), (String) map.get("targetGroup"), (String) map.get("account"), parameters));
    }

    String toJson() {
        return JSON.writeValueAsString(asMap());
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("description", description);
        map.put("command", template.source());
        map.put("target", target);
        map.put("targetGroup", targetGroup);
        map.put("account", account);
        map.put("parameters", template.parameters().stream().map(p -> new CommandTemplateChange.Parameter(p.name(), p.type().label(),
                p.type() == ParameterType.INTEGER ? p.min() : null, p.type() == ParameterType.INTEGER ? p.max() : null,
                p.type() == ParameterType.ENUM ? p.values() : null, p.prefix())).toList());
        return map;
    }

    List<CommandTemplateView.Parameter> parameters() {
        return template.parameters().stream().map(p -> new CommandTemplateView.Parameter(p.name(), p.type().label(),
                p.type() == ParameterType.INTEGER ? p.min() : null, p.type() == ParameterType.INTEGER ? p.max() : null,
                p.type() == ParameterType.ENUM ? p.values() : null, p.prefix(), p.describe())).toList();
    }

    /** Where it may run, for messages: {@code target fw01} or {@code target group edge-firewalls}. */
    String scope() {
        return target != null ? "target " + target : "target group " + targetGroup;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-command-template", detail);
    }
}
