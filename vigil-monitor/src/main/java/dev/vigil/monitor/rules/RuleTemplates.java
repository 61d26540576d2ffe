package dev.vigil.monitor.rules;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.template.GoTemplate;
import dev.vigil.monitor.template.TemplateException;

/**
 * Expands label and annotation templates the way Prometheus does: {@code $labels}, {@code $value},
 * {@code $externalLabels}, {@code $externalURL} and the same fields on dot; failures become
 * {@code <error expanding template: ...>} in the result, as in Prometheus.
 */
public final class RuleTemplates {

    private final Map<String, String> externalLabels;
    private final String externalUrl;

    public RuleTemplates(Map<String, String> externalLabels, String externalUrl) {
        this.externalLabels = Map.copyOf(externalLabels);
        this.externalUrl = externalUrl == null ? "" : externalUrl;
    }

    public static RuleTemplates none() {
        return new RuleTemplates(Map.of(), "");
    }

    public String expand(String template, Labels labels, double value) {
        if (!template.contains("{{")) {
            return template;
        }
        Map<String, Object> data = new HashMap<>();
        Map<String, String> labelMap = new LinkedHashMap<>(labels.asMap());
        data.put("Labels", labelMap);
        data.put("ExternalLabels", externalLabels);
        data.put("ExternalURL", externalUrl);
        data.put("Value", value);
        Map<String, Object> variables = new HashMap<>();
        variables.put("labels", labelMap);
        variables.put("externalLabels", externalLabels);
        variables.put("externalURL", externalUrl);
        variables.put("value", value);
        try {
            return GoTemplate.parse(template).execute(data, variables);
        } catch (TemplateException e) {
            return "<error expanding template: " + e.getMessage() + ">";
        }
    }
}
